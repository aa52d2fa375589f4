package io.widrow.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.nn.Parameter;
import io.widrow.engine.tensor.Rng;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties every optimizer shares: checkpoint round-trip, decay only where asked, gradients untouched. */
class OptimizerStateTest {
    private static OptimizerSpec spec(String type, double decay) {
        OptimizerSpec d = OptimizerSpec.of(type, 0.05);
        return new OptimizerSpec(type, d.learningRate(), d.momentum(), d.initialMomentum(), d.momentumSwitchEpoch(),
                d.momentumSwitchThreshold(), d.beta1(), d.beta2(), d.epsilon(), d.rho(), decay);
    }

    private static List<Parameter> params(long seed) {
        Rng rng = new Rng(seed);
        Parameter w = Parameter.zeros("W", 3, 4, true);
        Parameter b = Parameter.zeros("b", 1, 4, false);
        for (Parameter p : List.of(w, b)) {
            for (int i = 0; i < p.size(); i++) {
                p.value()[i] = (float) rng.nextGaussian();
            }
        }
        return List.of(w, b);
    }

    private static void randomGrads(List<Parameter> ps, Rng rng) {
        for (Parameter p : ps) {
            for (int i = 0; i < p.size(); i++) {
                p.grad()[i] = (float) rng.nextGaussian();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad"})
    void resumedRunContinuesBitIdentically(String type) throws IOException {
        List<Parameter> a = params(1);
        Optimizer original = spec(type, 0.01).build();
        Rng grads = new Rng(7);
        for (int s = 0; s < 3; s++) {
            randomGrads(a, grads);
            original.step(a, 0.05);
        }
        original.setMomentum(original.momentum() == 0 ? 0 : 0.5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.writeState(new DataOutputStream(bytes));

        List<Parameter> b = List.of(copy(a.get(0)), copy(a.get(1)));
        Optimizer resumed = spec(type, 0.01).build();
        resumed.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), b);
        assertThat(resumed.momentum()).isEqualTo(original.momentum());

        Rng gradsA = new Rng(99);
        Rng gradsB = new Rng(99);
        for (int s = 0; s < 3; s++) {
            randomGrads(a, gradsA);
            randomGrads(b, gradsB);
            original.step(a, 0.05);
            resumed.step(b, 0.05);
        }
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).value()).containsExactly(a.get(i).value());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad"})
    void weightDecayTouchesOnlyDecayingParametersAndNeverTheGradients(String type) {
        List<Parameter> plain = params(3);
        List<Parameter> decayed = params(3);
        randomGrads(plain, new Rng(5));
        randomGrads(decayed, new Rng(5));
        float[] gradBefore = decayed.get(0).grad().clone();
        spec(type, 0).build().step(plain, 0.05);
        spec(type, 0.5).build().step(decayed, 0.05);
        assertThat(decayed.get(1).value()).containsExactly(plain.get(1).value()); // bias: decays() == false
        assertThat(decayed.get(0).value()).isNotEqualTo(plain.get(0).value());
        assertThat(decayed.get(0).grad()).containsExactly(gradBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"momentum", "adam"})
    void readingAnotherOptimizersStateFails(String type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Sgd(0).writeState(new DataOutputStream(bytes));
        Optimizer opt = spec(type, 0).build();
        assertThatThrownBy(() -> opt.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                params(1))).isInstanceOf(IOException.class).hasMessageContaining("sgd");
    }

    @org.junit.jupiter.api.Test
    void readingStateForDifferentShapesFails() throws IOException {
        List<Parameter> a = params(1);
        Optimizer opt = new Adam();
        opt.step(a, 0.1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        opt.writeState(new DataOutputStream(bytes));
        List<Parameter> other = List.of(Parameter.zeros("W", 3, 5, true), Parameter.zeros("b", 1, 4, false));
        assertThatThrownBy(() -> new Adam().readState(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), other))
                .isInstanceOf(IOException.class).hasMessageContaining("holds 12 values, parameter W has 15");
    }

    private static Parameter copy(Parameter p) {
        return new Parameter(p.name(), p.value().clone(), p.grad().clone(), p.rows(), p.cols(), p.decays());
    }
}
