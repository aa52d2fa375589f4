package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.GradientClipSpec;
import io.widrow.engine.train.TrainingSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a throw-away network on seeded random data so the JIT compiles the engine's kernels before a
 * user's job needs them. Cold, the Vector API kernels run interpreted (boxing every vector) for the first
 * few hundred batches, and the C2 compiler thread then takes one of the two cores for seconds: the first
 * epoch of the course's Fashion-MNIST network took 2.4–3.5 s against 0.7–0.9 s warm, and epochs 2–4 were
 * still slowed by compilation.
 *
 * <p>The shapes are chosen to reach every path a real job takes, since C2 throws compiled code away
 * when a path it has not seen turns up: products large enough for the thread pool and small ones run by
 * the caller, the k split of a first layer, full 4-vector panels and the narrow 10-wide output tile, a
 * long k that sums over two blocks (held-out scoring of many rows), a batch gather large enough to be
 * split, the optimizer's parallel update, evaluation and prediction. Batches of 64 give the layer and
 * optimizer methods enough calls for C2 within a few seconds.
 */
public final class Warmup {
    private static final int FEATURES = 640;
    private static final int ROWS = 2048;
    private static final int CLASSES = 10;
    private static final int PREDICT_ROWS = 1024;

    private Warmup() {
    }

    /**
     * Trains in runs of four epochs, at least one, until {@code budgetMillis} have passed or
     * {@code maxEpochs} epochs are done, and returns the number of epochs run. Allocates about 8 MB of data,
     * freed on return.
     */
    public static int run(long budgetMillis, int maxEpochs) {
        if (budgetMillis <= 0 || maxEpochs < 1) {
            return 0;
        }
        long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
        Rng rng = new Rng(20_260_101L);
        float[] x = new float[ROWS * FEATURES];
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = (int) (rng.nextDouble() * CLASSES);
            for (int j = 0; j < FEATURES; j++) {
                // Class-dependent means, so the loss falls and no branch sees only one outcome.
                x[i * FEATURES + j] = (float) (rng.nextGaussian() + (j % CLASSES == labels[i] ? 1 : 0));
            }
        }
        String[] classes = new String[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            classes[c] = Integer.toString(c);
        }
        Dataset data = Dataset.classification(x, ROWS, FEATURES, Dataset.defaultFeatureNames(FEATURES), labels, classes);
        Dataset validation = data.head(256);
        List<LayerSpec> hidden = List.of(new DenseSpec(128, "relu", "he_normal"), new DenseSpec(64, "relu", "he_normal"));
        ModelSpec model = new ModelSpec("mlp", "none", true, hidden,
                new OutputSpec(0, "softmax", "cross_entropy", "xavier_uniform"), 0.5);
        // Short runs repeated until the budget is spent: a cancelled run returns no model to predict with.
        TrainingSpec spec = new TrainingSpec(4, 64, true, false, 1, OptimizerSpec.of("adam", 1e-3),
                ScheduleSpec.constant(), GradientClipSpec.NONE, null, 0, 0);
        float[] predictRows = Arrays.copyOf(x, PREDICT_ROWS * FEATURES);
        int epochs = 0;
        do {
            TrainingOutcome outcome = Training.run(model, spec, data, validation, m -> { }, () -> false);
            outcome.model().predict(predictRows, PREDICT_ROWS);
            epochs += outcome.result().epochsRun();
        } while (epochs < maxEpochs && System.nanoTime() < deadline);
        return epochs;
    }
}
