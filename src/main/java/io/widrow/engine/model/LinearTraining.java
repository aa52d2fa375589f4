package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.features.Standardizer;
import io.widrow.engine.linear.LinearTrainer;
import io.widrow.engine.linear.LinearTrainingResult;
import io.widrow.engine.train.Checkpointing;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingResult;
import io.widrow.engine.train.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Trains the single-neuron models (perceptron, ADALINE) behind {@link Training}. */
final class LinearTraining {
    private LinearTraining() {
    }

    /** {@code raw} is the data as uploaded (for names and classes); the others are mapped and standardized. */
    static TrainingOutcome run(ModelSpec model, TrainingSpec training, Dataset raw, Dataset fitSet, Dataset heldOut,
                               Standardizer standardizer, TrainingListener listener, BooleanSupplier cancelled,
                               EpochModelObserver observer, Dataset rawHeldOut, Checkpointing checkpoints) {
        List<EpochMetrics> history = new ArrayList<>(checkpoints.resumeHistory());
        TrainingListener recording = m -> {
            history.add(m);
            listener.onEpoch(m);
        };
        LinearTrainer trainer = new LinearTrainer(training, recording, cancelled, checkpoints);
        if (observer != EpochModelObserver.NONE) {
            trainer.observeWeights((epoch, w, b, theta) -> observer.onEpochEnd(epoch, new TrainedModel(model, raw.task(),
                    raw.featureNames(), raw.classes(), 1, standardizer, null, new LinearWeights(w, b, theta)), rawHeldOut));
        }
        LinearTrainingResult r = trainer.train(model.type(), fitSet, heldOut, model.threshold());
        TrainingResult result = new TrainingResult(r.epochsRun(), r.cancelled(), r.earlyStopped(), r.bestEpoch(), history);
        if (r.cancelled()) {
            return new TrainingOutcome(null, result);
        }
        LinearWeights weights = new LinearWeights(r.weights(), r.bias(), r.threshold());
        TrainedModel trained = new TrainedModel(model, raw.task(), raw.featureNames(), raw.classes(), 1,
                standardizer, null, weights);
        return new TrainingOutcome(trained, result);
    }
}
