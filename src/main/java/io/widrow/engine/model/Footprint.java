package io.widrow.engine.model;

import io.widrow.engine.nn.BatchNormSpec;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerNormSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.train.TrainingSpec;

/**
 * What a training run will hold in memory, estimated from the specs and the data's shape before anything is
 * allocated, so a service can refuse a job that cannot fit instead of discovering it as an OutOfMemoryError.
 * Deliberately a little pessimistic: every copy {@link Training#run} makes of the samples is counted.
 *
 * @param parameters       trainable parameters (weights and biases, norm scales and shifts)
 * @param dataBytes        samples and labels: the loaded set, the held-out split, feature-mapped and standardized copies
 * @param parameterBytes   weights, gradients, optimizer state and the best-epoch copy early stopping keeps
 * @param activationBytes  one batch (or evaluation chunk) of layer outputs and their gradients
 * @param serializedBytes  the saved model's JSON text (what storage is charged for)
 */
public record Footprint(long parameters, long dataBytes, long parameterBytes, long activationBytes,
                        long serializedBytes) {
    /** Characters one float takes in the saved JSON ("-0.012345678,"), measured on trained networks. */
    static final int JSON_BYTES_PER_PARAMETER = 13;
    /** Serializing holds the growing text, its final copy and its UTF-8 bytes at once. */
    private static final int SERIALIZATION_COPIES = 3;
    /** The evaluator scores data in chunks of this many rows (Evaluator.CHUNK). */
    private static final int EVALUATION_ROWS = 1024;

    /** Everything at once: the peak a run reaches while it saves its model. */
    public long totalBytes() {
        return sat(sat(sat(dataBytes, parameterBytes), activationBytes), mul(serializedBytes, SERIALIZATION_COPIES));
    }

    /**
     * @param rows           training rows
     * @param features       raw input columns
     * @param outputs        output units (classes, 1 for a two-class sigmoid, or target columns)
     * @param validationRows rows of a separate validation set, 0 when none
     */
    public static Footprint estimate(ModelSpec model, TrainingSpec training, int rows, int features, int outputs,
                                     int validationRows) {
        long mapped = mappedWidth(model.featureMap(), features);
        long parameters;
        long widthSum;
        if (model.type().equals("mlp")) {
            long width = mapped;
            parameters = 0;
            widthSum = 0;
            for (LayerSpec layer : model.layers()) {
                if (layer instanceof DenseSpec d) {
                    parameters = sat(parameters, sat(mul(width, d.units()), d.units()));
                    width = d.units();
                    widthSum = sat(widthSum, 2 * width);
                } else if (layer instanceof BatchNormSpec || layer instanceof LayerNormSpec) {
                    // scale and shift are parameters; batchnorm's running mean and variance ride along uncounted
                    parameters = sat(parameters, 2 * width);
                    widthSum = sat(widthSum, width);
                }
            }
            parameters = sat(parameters, sat(mul(width, outputs), outputs));
            widthSum = sat(widthSum, 2L * outputs);
        } else {
            parameters = sat(mapped, 1);
            widthSum = 1;
        }
        long loadedCopies = 1 + (validationRows == 0 && training.validationSplit() > 0 ? 1 : 0);
        // A feature map other than "none" copies; standardizing copies again (counted even where the job runner
        // standardizes in place, which it does only when a separate validation set is given).
        long mappedCopies = (model.featureMap().equals("none") ? 0 : 1) + (model.standardize() ? 1 : 0);
        long allRows = (long) rows + validationRows;
        long dataBytes = sat(mul(4 * allRows, sat(mul(features, loadedCopies), mul(mapped, mappedCopies))), 8L * allRows);
        int slots = switch (training.optimizer().type()) {
            case "sgd" -> 0;
            case "adam" -> 2;
            default -> 1;
        };
        int best = training.earlyStopping() != null && training.earlyStopping().restoreBest() ? 1 : 0;
        long parameterBytes = mul(parameters, 4L * (2 + slots + best));
        long batch = Math.max(training.effectiveBatchSize(Math.max(rows, 1)), Math.min(EVALUATION_ROWS, rows));
        // each layer output is kept with its gradient, plus the gathered input batch
        long activationBytes = mul(4 * batch, sat(mapped, mul(widthSum, 2)));
        long serializedBytes = mul(parameters, JSON_BYTES_PER_PARAMETER);
        return new Footprint(parameters, dataBytes, parameterBytes, activationBytes, serializedBytes);
    }

    /** Width after the feature map, saturating instead of failing: the caller turns a huge width into a refusal. */
    static long mappedWidth(String featureMap, long n) {
        return switch (featureMap) {
            case "interactions" -> sat(n, mul(n, n - 1) / 2);
            case "poly2" -> sat(n, mul(n, n + 1) / 2);
            default -> n;
        };
    }

    private static long mul(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high != 0 || low < 0 ? Long.MAX_VALUE : low;
    }

    private static long sat(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
