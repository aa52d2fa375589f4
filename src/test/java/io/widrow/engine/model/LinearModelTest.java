package io.widrow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.Specs;
import io.widrow.engine.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Perceptron and ADALINE through the engine's front door, as the service runs them. */
class LinearModelTest {
    private static final Dataset XOR = Generators.generate(new GeneratorSpec("xor", 4, 0, 1));
    private static final float[] TRUTH_TABLE = {0, 0, 0, 1, 1, 0, 1, 1};

    @Test
    void adalineWithInteractionsLearnsXorAndRoundTrips() {
        ModelSpec spec = new ModelSpec("adaline", "interactions", false, List.of(), null, 0.5);
        List<EpochMetrics> seen = new ArrayList<>();
        TrainingOutcome out = Training.run(spec, Specs.training(300, 1, OptimizerSpec.of("sgd", 0.05),
                ScheduleSpec.constant(), 3), XOR, null, seen::add, () -> false);
        assertThat(seen).hasSize(300);
        assertThat(out.model().predict(TRUTH_TABLE, 4).labels()).containsExactly(0, 1, 1, 0);
        TrainedModel back = ModelCodec.read(ModelCodec.write(out.model()));
        assertThat(back.predict(TRUTH_TABLE, 4).labels()).containsExactly(0, 1, 1, 0);
        assertThat(back.architecture()).contains("interactions → 3");
    }

    @Test
    void perceptronLearnsAnd() {
        Dataset and = Generators.generate(new GeneratorSpec("and", 4, 0, 1));
        ModelSpec spec = new ModelSpec("perceptron", "none", false, List.of(), null, 0);
        TrainingOutcome out = Training.run(spec, Specs.training(50, 1, OptimizerSpec.of("sgd", 0.1),
                ScheduleSpec.constant(), 3), and, null, TrainingListener.NONE, () -> false);
        assertThat(out.model().predict(TRUTH_TABLE, 4).labels()).containsExactly(0, 0, 0, 1);
    }

    @Test
    void adalineFitsALinearRegression() {
        int n = 200;
        float[] x = new float[n * 2];
        float[] y = new float[n];
        io.widrow.engine.tensor.Rng rng = new io.widrow.engine.tensor.Rng(5);
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.uniform(-1, 1);
            x[2 * i + 1] = (float) rng.uniform(-1, 1);
            y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5f;
        }
        Dataset data = Dataset.regression(x, n, 2, Dataset.defaultFeatureNames(2), y, 1);
        ModelSpec spec = new ModelSpec("adaline", "none", true, List.of(), null, 0.5);
        TrainedModel model = Training.run(spec, Specs.training(100, 1, OptimizerSpec.of("sgd", 0.01),
                ScheduleSpec.constant(), 1), data, null, TrainingListener.NONE, () -> false).model();
        Prediction p = model.predict(new float[] {0.5f, -0.5f}, 1);
        assertThat(p.labels()).isNull();
        assertThat(p.output(0, 0)).isCloseTo(2.0f, org.assertj.core.data.Offset.offset(0.02f));
    }
}
