package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.features.FeatureMap;
import io.widrow.engine.features.Standardizer;
import io.widrow.engine.nn.Network;
import io.widrow.engine.nn.NetworkBuilder;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.Checkpointing;
import io.widrow.engine.train.Splits;
import io.widrow.engine.train.Trainer;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingResult;
import io.widrow.engine.train.TrainingSpec;
import java.util.function.BooleanSupplier;

/**
 * The engine's front door: from raw data and two specs to a trained model. Holds out a validation split
 * if asked, applies the feature map, fits standardization on the training part only, then trains an
 * mlp, a perceptron or an ADALINE.
 */
public final class Training {
    private Training() {
    }

    /**
     * Trains a model. {@code validation} may be null (then {@code training.validationSplit()} decides);
     * it must have the same columns as {@code train}.
     */
    public static TrainingOutcome run(ModelSpec model, TrainingSpec training, Dataset train, Dataset validation,
                                      TrainingListener listener, BooleanSupplier cancelled) {
        return train(model, training, train, validation, listener, cancelled, EpochModelObserver.NONE,
                Checkpointing.NONE, false);
    }

    /** As above, and {@code observer} sees the model after every epoch (see {@link EpochModelObserver}). */
    public static TrainingOutcome run(ModelSpec model, TrainingSpec training, Dataset train, Dataset validation,
                                      TrainingListener listener, BooleanSupplier cancelled, EpochModelObserver observer) {
        return train(model, training, train, validation, listener, cancelled, observer, Checkpointing.NONE, false);
    }

    /** As {@link #run(ModelSpec, TrainingSpec, Dataset, Dataset, TrainingListener, BooleanSupplier)}, saving and resuming checkpoints. */
    public static TrainingOutcome run(ModelSpec model, TrainingSpec training, Dataset train, Dataset validation,
                                      TrainingListener listener, BooleanSupplier cancelled, Checkpointing checkpoints) {
        return train(model, training, train, validation, listener, cancelled, EpochModelObserver.NONE, checkpoints, false);
    }

    /**
     * As {@link #run}, but standardizes {@code train}'s feature array in place instead of copying it: for a
     * caller that hands over a freshly loaded dataset and will not read it again, so a large set is held
     * in memory once. Mutates {@code train} (when the model standardizes and no validation split is taken).
     */
    public static TrainingOutcome runOverwritingData(ModelSpec model, TrainingSpec training, Dataset train,
                                                     Dataset validation, TrainingListener listener,
                                                     BooleanSupplier cancelled) {
        return train(model, training, train, validation, listener, cancelled, EpochModelObserver.NONE,
                Checkpointing.NONE, true);
    }

    /**
     * The general form behind the others: an epoch observer, checkpoints to save and resume from (everything
     * before the training loop — split, feature map, standardization, initial weights — is a pure function of
     * the data and the seed, so it is simply redone on resume; the checkpoint holds only what the loop
     * changes), and whether {@code train}'s features may be standardized in place (see
     * {@link #runOverwritingData}).
     *
     * @throws io.widrow.engine.train.TrainingSuspendedException when {@code checkpoints} asked the run to stop
     * @throws io.widrow.engine.train.CheckpointException when the checkpoint does not fit this model and data
     */
    public static TrainingOutcome train(ModelSpec model, TrainingSpec training, Dataset train, Dataset validation,
                                        TrainingListener listener, BooleanSupplier cancelled,
                                        EpochModelObserver observer, Checkpointing checkpoints, boolean overwriteData) {
        requireUsable(model, train, validation);
        Dataset fitSet = train;
        Dataset heldOut = validation == null ? null : alignClasses(validation, train);
        if (heldOut == null && training.validationSplit() > 0) {
            Dataset[] parts = Splits.holdOut(train, training.validationSplit(), training.seed());
            fitSet = parts[0];
            heldOut = parts[1];
        }
        Dataset rawHeldOut = heldOut;
        FeatureMap map = FeatureMap.of(model.featureMap());
        fitSet = map.apply(fitSet);
        heldOut = heldOut == null ? null : map.apply(heldOut);
        Standardizer standardizer = null;
        if (model.standardize()) {
            standardizer = Standardizer.fit(fitSet);
            if (overwriteData && fitSet.x() == train.x()) {
                standardizer.applyInPlace(fitSet.x(), fitSet.rows());
            } else {
                fitSet = standardizer.apply(fitSet);
            }
            heldOut = heldOut == null ? null : standardizer.apply(heldOut);
        }
        if (model.type().equals("mlp")) {
            int outputs = outputUnits(model.output(), train);
            Network net = NetworkBuilder.build(model.layers(), model.output(), fitSet.features(), outputs,
                    new Rng(training.seed()));
            Standardizer st = standardizer;
            java.util.function.Supplier<TrainedModel> live = () -> new TrainedModel(model, train.task(),
                    train.featureNames(), train.classes(), outputs, st, net, null);
            TrainingListener observed = observer == EpochModelObserver.NONE ? listener : m -> {
                listener.onEpoch(m);
                observer.onEpochEnd(m.epoch(), live.get(), rawHeldOut);
            };
            TrainingResult result = new Trainer(training).fit(net, fitSet, heldOut, observed, cancelled, checkpoints);
            return new TrainingOutcome(result.cancelled() ? null : live.get(), result);
        }
        return LinearTraining.run(model, training, train, fitSet, heldOut, standardizer, listener, cancelled,
                observer, rawHeldOut, checkpoints);
    }

    /** Output units: as given, or classes for a classifier (1 for sigmoid on two classes), targets for regression. */
    static int outputUnits(OutputSpec output, Dataset train) {
        int inferred;
        if (train.isClassification()) {
            inferred = output.activation().equals("sigmoid") && train.classCount() == 2 ? 1 : train.classCount();
        } else {
            inferred = train.targetCols();
        }
        if (output.units() != 0 && output.units() != inferred) {
            throw new IllegalArgumentException("output.units is " + output.units() + " but the data needs "
                    + inferred + (train.isClassification() ? " (one per class)" : " (one per target)"));
        }
        return inferred;
    }

    /** Re-indexes a separate validation set's labels to the training set's class order. */
    static Dataset alignClasses(Dataset validation, Dataset train) {
        if (!train.isClassification()) {
            return validation;
        }
        if (!validation.isClassification()) {
            throw new IllegalArgumentException("the validation set is a regression set but the task is classification");
        }
        java.util.List<String> trainClasses = java.util.List.of(train.classes());
        String[] valClasses = validation.classes();
        int[] remap = new int[valClasses.length];
        for (int c = 0; c < valClasses.length; c++) {
            remap[c] = trainClasses.indexOf(valClasses[c]);
            if (remap[c] < 0) {
                throw new IllegalArgumentException("the validation set has class '" + valClasses[c]
                        + "' which the training set lacks " + trainClasses);
            }
        }
        int[] labels = new int[validation.rows()];
        int[] old = validation.labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = remap[old[i]];
        }
        return Dataset.classification(validation.x(), validation.rows(), validation.features(),
                validation.featureNames(), labels, train.classes());
    }

    private static void requireUsable(ModelSpec model, Dataset train, Dataset validation) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("the training set has no rows");
        }
        if (train.isClassification() && train.classCount() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, the data has "
                    + train.classCount());
        }
        if (model.type().equals("mlp") && !train.isClassification() && model.output().loss().contains("cross_entropy")) {
            throw new IllegalArgumentException("output.loss '" + model.output().loss()
                    + "' is for classification; a regression task needs mse");
        }
        if (validation != null && validation.features() != train.features()) {
            throw new IllegalArgumentException("the validation set has " + validation.features()
                    + " features but the training set has " + train.features());
        }
    }
}
