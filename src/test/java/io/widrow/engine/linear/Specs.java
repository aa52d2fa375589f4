package io.widrow.engine.linear;

import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.EarlyStoppingSpec;
import io.widrow.engine.train.TrainingSpec;

/** Test fixtures: the spec records have many fields the linear trainer ignores. */
final class Specs {
    private Specs() {
    }

    static TrainingSpec training(int epochs, int batchSize, double lr, long seed, boolean shuffle,
                                 EarlyStoppingSpec earlyStopping) {
        OptimizerSpec sgd = new OptimizerSpec("sgd", lr, 0, Double.NaN, -1, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 0);
        ScheduleSpec constant = new ScheduleSpec("constant", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
        return new TrainingSpec(epochs, batchSize, shuffle, false, seed, sgd, constant, null, earlyStopping, 0, 0);
    }

    static TrainingSpec training(int epochs, int batchSize, double lr, long seed) {
        return training(epochs, batchSize, lr, seed, true, null);
    }
}
