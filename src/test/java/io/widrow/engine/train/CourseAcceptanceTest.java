package io.widrow.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.model.ModelSpec;
import io.widrow.engine.model.Prediction;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The course's worked examples, trained end to end through the engine's front door. */
class CourseAcceptanceTest {

    private static final Dataset RINGS = Generators.generate(new GeneratorSpec("rings", 2000, 0.1, 7));

    @Test
    void ringsReachNinetyFivePercentWithPlainSgdWithinFiftyEpochs() {
        TrainingSpec spec = Specs.training(50, 128, OptimizerSpec.of("sgd", 0.01), ScheduleSpec.constant(), 42);
        TrainingOutcome out = Training.run(Specs.reluMlp(true, 32, 16), spec, RINGS, null, TrainingListener.NONE, () -> false);
        double best = out.result().history().stream().mapToDouble(EpochMetrics::accuracy).max().orElse(0);
        assertThat(best).isGreaterThanOrEqualTo(0.95);
        assertThat(accuracy(out, RINGS)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void momentumWithStepDecayConvergesInFewerEpochsThanPlainSgd() {
        ModelSpec model = Specs.reluMlp(true, 32, 16);
        int plain = epochsTo(0.95, model, Specs.training(50, 128, OptimizerSpec.of("sgd", 0.01), ScheduleSpec.constant(), 42));
        int momentum = epochsTo(0.95, model, Specs.training(50, 128, OptimizerSpec.of("momentum", 0.01),
                ScheduleSpec.step(0.5, 10), 42));
        assertThat(momentum).isLessThan(plain);
    }

    @Test
    void twoFourOneNetworkLearnsXorFromRandomInitialisation() {
        Dataset xor = Generators.generate(new GeneratorSpec("xor", 4, 0, 1));
        ModelSpec model = new ModelSpec("mlp", "none", false, List.of(new DenseSpec(4, "tanh", "xavier_normal")),
                new OutputSpec(0, "sigmoid", "binary_cross_entropy", "xavier_normal"), 0.5);
        TrainingSpec spec = Specs.training(1000, 4, OptimizerSpec.of("adam", 0.05), ScheduleSpec.constant(), 3);
        TrainingOutcome out = Training.run(model, spec, xor, null, TrainingListener.NONE, () -> false);
        assertThat(accuracy(out, xor)).isEqualTo(1.0);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndDifferentSeedsDiffer() {
        ModelSpec model = Specs.reluMlp(true, 8);
        float[] a = weights(Training.run(model, Specs.training(3, 32, OptimizerSpec.of("adam", 0.01), ScheduleSpec.constant(), 5),
                RINGS, null, TrainingListener.NONE, () -> false));
        float[] b = weights(Training.run(model, Specs.training(3, 32, OptimizerSpec.of("adam", 0.01), ScheduleSpec.constant(), 5),
                RINGS, null, TrainingListener.NONE, () -> false));
        float[] c = weights(Training.run(model, Specs.training(3, 32, OptimizerSpec.of("adam", 0.01), ScheduleSpec.constant(), 6),
                RINGS, null, TrainingListener.NONE, () -> false));
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static int epochsTo(double target, ModelSpec model, TrainingSpec spec) {
        TrainingOutcome out = Training.run(model, spec, RINGS, null, TrainingListener.NONE, () -> false);
        return out.result().history().stream().filter(m -> m.accuracy() >= target).mapToInt(EpochMetrics::epoch)
                .findFirst().orElse(Integer.MAX_VALUE);
    }

    static float[] weights(TrainingOutcome out) {
        return out.model().network().parameters().stream()
                .map(p -> p.value())
                .reduce(new float[0], (x, y) -> {
                    float[] r = java.util.Arrays.copyOf(x, x.length + y.length);
                    System.arraycopy(y, 0, r, x.length, y.length);
                    return r;
                });
    }

    static double accuracy(TrainingOutcome out, Dataset data) {
        Prediction p = out.model().predict(data.x(), data.rows());
        int hits = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (p.labels()[i] == data.labels()[i]) {
                hits++;
            }
        }
        return (double) hits / data.rows();
    }
}
