package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.Checkpointing;
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
 * split, the optimizer's parallel update, evaluation and prediction.
 *
 * <p>The methods called once or twice per batch (the network's forward and backward, the gather, the
 * optimizer step, the pool hand-off) reach C2 only after some 5,000 calls. A warm-up that stopped after a
 * fixed 3 s had made about 2,000, so they were compiled during the job's first epochs instead: the C2
 * thread then took 0.2–0.6 s of one core per epoch, and since each product waits for both halves, the
 * epoch lost all of it (0.77–0.88 s epochs against 0.45). So most runs use batches of 32, which are
 * cheap, and every fourth one batches of 128, the shapes that take the parallel element-wise passes; the
 * warm-up stops once {@link #STEPS_FOR_C2} batches are done and the minimum time has passed.
 *
 * <p>It also takes a checkpoint after every epoch and writes the model as a document now and then, as a
 * job on the service does: otherwise those loops (a few MB each time) were first compiled during a node's
 * early jobs, by a C2 thread at normal priority against a training thread at nice 10.
 */
public final class Warmup {
    private static final int FEATURES = 640;
    private static final int ROWS = 2048;
    private static final int CLASSES = 10;
    private static final int PREDICT_ROWS = 1024;
    /** A full held-out chunk of 1,024 rows and a short one. */
    private static final int VALIDATION_ROWS = 1_100;
    /** Batches after which the per-batch methods have been called often enough for C2 (with margin). */
    static final int STEPS_FOR_C2 = 6_000;
    /** Runs at the coverage batch size: one in this many. */
    private static final int WIDE_EVERY = 4;

    private Warmup() {
    }

    /** As {@link #run(long, long, int)} for exactly {@code budgetMillis} (at least one run). */
    public static int run(long budgetMillis, int maxEpochs) {
        return run(budgetMillis, budgetMillis, maxEpochs);
    }

    /**
     * Trains in runs of four epochs, at least one, until {@link #STEPS_FOR_C2} batches are done and
     * {@code minMillis} have passed, or {@code maxMillis} have passed, or {@code maxEpochs} epochs are done;
     * returns the number of epochs run. Allocates about 8 MB of data, freed on return.
     */
    public static int run(long minMillis, long maxMillis, int maxEpochs) {
        if (maxMillis <= 0 || maxEpochs < 1) {
            return 0;
        }
        long start = System.nanoTime();
        long earliest = start + Math.min(minMillis, maxMillis) * 1_000_000L;
        long deadline = start + maxMillis * 1_000_000L;
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
        // Held-out scoring goes through the network 1,024 rows at a time (Evaluator), and those products are
        // too large to split along k: they sum two k blocks onto C, a path batches of 128 never take. With
        // 256 held-out rows it was first met by a job's first validation, and C2 threw away its compiled
        // kernels there (tile6x4's add branch, splitsK), mid-epoch.
        Dataset validation = data.head(VALIDATION_ROWS);
        List<LayerSpec> hidden = List.of(new DenseSpec(128, "relu", "he_normal"), new DenseSpec(64, "relu", "he_normal"));
        ModelSpec model = new ModelSpec("mlp", "none", true, hidden,
                new OutputSpec(0, "softmax", "cross_entropy", "xavier_uniform"), 0.5);
        // Short runs repeated until done: a cancelled run returns no model to predict with.
        TrainingSpec wide = spec(128);
        TrainingSpec quick = spec(32);
        float[] predictRows = Arrays.copyOf(x, PREDICT_ROWS * FEATURES);
        Checkpointing checkpoints = new Checkpointing(1, null, List.of(), c -> { }, () -> false);
        int epochs = 0;
        long steps = 0;
        for (int r = 0; ; r++) {
            TrainingSpec spec = r % WIDE_EVERY == 0 ? wide : quick;
            TrainingOutcome outcome = Training.train(model, spec, data, validation, m -> { }, () -> false,
                    EpochModelObserver.NONE, checkpoints, false);
            outcome.model().predict(predictRows, PREDICT_ROWS);
            if (spec == wide) {
                ModelCodec.write(outcome.model());
            }
            epochs += outcome.result().epochsRun();
            steps += (long) outcome.result().epochsRun() * ((ROWS + spec.batchSize() - 1) / spec.batchSize());
            long now = System.nanoTime();
            if (epochs >= maxEpochs || now >= deadline || (steps >= STEPS_FOR_C2 && now >= earliest)) {
                return epochs;
            }
        }
    }

    private static TrainingSpec spec(int batch) {
        return new TrainingSpec(4, batch, true, false, 1, OptimizerSpec.of("adam", 1e-3),
                ScheduleSpec.constant(), GradientClipSpec.NONE, null, 0, 0);
    }
}
