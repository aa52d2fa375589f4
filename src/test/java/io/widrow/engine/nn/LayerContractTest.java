package io.widrow.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.nn.activation.Activations;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layer obeys the same buffer and gradient contract, because the trainer treats them uniformly. */
class LayerContractTest {
    private static final int BATCH = 6;

    static Stream<Arguments> layers() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("dense", (Supplier<Layer>) () -> new Dense(3, 4, TestNets.gaussian(1), new Rng(7))));
        all.add(Arguments.of("batchnorm", (Supplier<Layer>) () -> new BatchNorm(3, 0.9, 1e-5)));
        all.add(Arguments.of("layernorm", (Supplier<Layer>) () -> new LayerNorm(3, 1e-5)));
        for (String name : Activations.NAMES) {
            if (!name.equals("step")) {
                all.add(Arguments.of(name, (Supplier<Layer>) () -> new ActivationLayer(Activations.create(name, 0.1), 3)));
            }
        }
        return all.stream();
    }

    private static Matrix input(int rows, long seed) {
        return TestNets.random(new Rng(seed), rows, 3, 1.0);
    }

    private static Matrix gradOut(Layer layer, int rows) {
        return TestNets.random(new Rng(99), rows, layer.outputSize(), 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void forwardAndBackwardShapes(String name, Supplier<Layer> factory) {
        Layer layer = factory.get();
        Matrix out = layer.forward(input(BATCH, 1), true);
        assertThat(out.rows()).isEqualTo(BATCH);
        assertThat(out.cols()).isEqualTo(layer.outputSize());
        Matrix dx = layer.backward(gradOut(layer, BATCH));
        assertThat(dx.rows()).isEqualTo(BATCH);
        assertThat(dx.cols()).isEqualTo(layer.inputSize());
        for (Parameter p : layer.parameters()) {
            assertThat(p.grad()).hasSize(p.rows() * p.cols());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void reusesBuffersAcrossSameSizeBatches(String name, Supplier<Layer> factory) {
        Layer layer = factory.get();
        Matrix out1 = layer.forward(input(BATCH, 1), true);
        Matrix dx1 = layer.backward(gradOut(layer, BATCH));
        float[] outData = out1.data();
        float[] dxData = dx1.data();
        Matrix out2 = layer.forward(input(BATCH, 2), true);
        Matrix dx2 = layer.backward(gradOut(layer, BATCH));
        assertThat(out2).isSameAs(out1);
        assertThat(out2.data()).isSameAs(outData);
        assertThat(dx2).isSameAs(dx1);
        assertThat(dx2.data()).isSameAs(dxData);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void smallerLastBatchReusesBuffersAndMatchesFreshLayer(String name, Supplier<Layer> factory) {
        Layer layer = factory.get();
        Matrix full = layer.forward(input(BATCH, 1), true);
        float[] data = full.data();
        layer.backward(gradOut(layer, BATCH));
        Matrix small = input(2, 3);
        Matrix out = layer.forward(small, true).copy();
        Matrix dx = layer.backward(gradOut(layer, 2)).copy();
        assertThat(out.rows()).isEqualTo(2);
        assertThat(layer.forward(small, true).data()).isSameAs(data);

        Layer fresh = factory.get();
        assertThat(fresh.forward(small, true).copy().data()).containsExactly(out.data());
        assertThat(fresh.backward(gradOut(fresh, 2)).copy().data()).containsExactly(dx.data());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void gradientsAreOverwrittenNotAccumulated(String name, Supplier<Layer> factory) {
        Layer layer = factory.get();
        Matrix x = input(BATCH, 1);
        layer.forward(x, true);
        layer.backward(gradOut(layer, BATCH));
        List<float[]> first = layer.parameters().stream().map(p -> p.grad().clone()).toList();
        layer.forward(x, true);
        layer.backward(gradOut(layer, BATCH));
        for (int i = 0; i < first.size(); i++) {
            assertThat(layer.parameters().get(i).grad()).containsExactly(first.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void forwardIsDeterministic(String name, Supplier<Layer> factory) {
        Layer layer = factory.get();
        Matrix x = input(BATCH, 1);
        float[] first = layer.forward(x, true).copy().data();
        assertThat(layer.forward(x, true).copy().data()).containsExactly(first);
        assertThat(factory.get().forward(x, true).copy().data()).containsExactly(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void rejectsInputOfWrongWidth(String name, Supplier<Layer> factory) {
        Layer layer = factory.get();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> layer.forward(new Matrix(2, 5), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x5");
    }
}
