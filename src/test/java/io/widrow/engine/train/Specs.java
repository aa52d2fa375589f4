package io.widrow.engine.train;

import io.widrow.engine.model.ModelSpec;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;

/** Test shorthands for the specs the acceptance cases use. */
public final class Specs {
    private Specs() {
    }

    /** An mlp of relu/He hidden layers and a softmax + cross-entropy head. */
    public static ModelSpec reluMlp(boolean standardize, int... hidden) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int units : hidden) {
            layers.add(new DenseSpec(units, "relu", "he_normal"));
        }
        return new ModelSpec("mlp", "none", standardize, layers,
                new OutputSpec(0, "softmax", "cross_entropy", "xavier_normal"), 0.5);
    }

    public static TrainingSpec training(int epochs, int batch, OptimizerSpec optimizer, ScheduleSpec schedule, long seed) {
        return new TrainingSpec(epochs, batch, true, false, seed, optimizer, schedule, GradientClipSpec.NONE, null, 0, 0);
    }
}
