package io.widrow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.Specs;
import io.widrow.engine.train.TrainingListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who owns the training arrays: run() never writes them, runOverwritingData() standardizes them in place. */
class TrainingDataTest {
    private static final ModelSpec MLP = new ModelSpec("mlp", "none", true, List.of(new DenseSpec(8, "relu", "he_normal")),
            new OutputSpec(0, "softmax", "cross_entropy", "xavier_uniform"), 0.5);

    private static Dataset moons() {
        return Generators.generate(new GeneratorSpec("moons", 300, 0.1, 4));
    }

    @Test
    void bothEntryPointsTrainTheSameModelAndOnlyOneWritesTheData() {
        var training = Specs.training(4, 32, OptimizerSpec.of("adam", 0.01), ScheduleSpec.constant(), 3);
        Dataset kept = moons();
        float[] before = kept.x().clone();
        TrainedModel a = Training.run(MLP, training, kept, null, TrainingListener.NONE, () -> false).model();
        assertThat(kept.x()).containsExactly(before);

        Dataset handedOver = moons();
        TrainedModel b = Training.runOverwritingData(MLP, training, handedOver, null, TrainingListener.NONE, () -> false)
                .model();
        assertThat(ModelCodec.write(b)).isEqualTo(ModelCodec.write(a));
        assertThat(handedOver.x()).isNotEqualTo(before);
        // What was written is exactly the model's own preprocessing of the raw rows.
        assertThat(handedOver.x()).containsExactly(a.preprocess(before, handedOver.rows()));
    }
}
