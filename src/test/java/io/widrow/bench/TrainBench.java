package io.widrow.bench;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.IdxReader;
import io.widrow.engine.io.Json;
import io.widrow.engine.model.ModelSpec;
import io.widrow.engine.model.Prediction;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.model.Warmup;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.LayerSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.GradientClipSpec;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's side of the training benchmark (bench/run-train.sh): the course's Fashion-MNIST network
 * trained exactly as the PyTorch and scikit-learn reference scripts do, then the scaling table over
 * batch sizes and widths. Prints a table and writes JSON for the script to compare.
 *
 * <p>Usage: TrainBench [--epochs 8] [--json FILE] [--no-scaling] [--data-dir DIR] [--warmup-ms N] [--serve]
 *
 * <p>With {@code --serve} it loads the data, warms up, prints {@code READY} and then trains the reference
 * network once per {@code train N} line on standard input (fresh weights, a fresh copy of the raw rows),
 * answering each with one {@code ROUND {json}} line, until {@code quit} or end of input. bench/run-service.sh
 * keeps one such process next to the server and alternates the two within seconds, so that the host's
 * drift (up to 2× within minutes here) falls on both sides of the service ÷ engine ratio alike.
 */
public final class TrainBench {
    private TrainBench() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = 8;
        String json = null;
        boolean scaling = true;
        boolean serve = false;
        long warmupMillis = 0;
        Path dir = Path.of("/usr/share/datasets/fashion-mnist");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--json" -> json = args[++i];
                case "--no-scaling" -> scaling = false;
                case "--data-dir" -> dir = Path.of(args[++i]);
                case "--warmup-ms" -> warmupMillis = Long.parseLong(args[++i]);
                case "--serve" -> serve = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Dataset train = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 60_000);
        Dataset test = IdxReader.read(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"), 10_000);
        Map<String, Object> out = new LinkedHashMap<>();
        if (warmupMillis > 0) {
            // What the server does at startup (widrow.engine.warmup-seconds), so the run measures the
            // engine as a job on a running node meets it; the cold first epoch is reported separately.
            long t0 = System.nanoTime();
            int warmEpochs = Warmup.run(0, warmupMillis, 100_000);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("JIT warm-up (as at server startup): %d epochs of a small network in %.2f s%n", warmEpochs, s);
            out.put("warmupSeconds", s);
        }
        if (serve) {
            serve(train, test);
            return;
        }
        out.put("reference", reference(train, test, epochs));
        // Peak of each heap pool since start (data load and the reference run): an upper bound on what
        // training needed, since pools peak at different moments.
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap after the reference run: %,d MiB of %,d MiB max%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        out.put("peakHeapMiB", peak >> 20);
        if (scaling) {
            out.put("batchSizes", batchScaling(train));
            out.put("widths", widthScaling(train));
            out.put("configurations", configurations(train));
        }
        Runtime rt = Runtime.getRuntime();
        out.put("maxHeapMiB", rt.maxMemory() / (1 << 20));
        if (json != null) {
            Files.writeString(Path.of(json), Json.write(out));
        }
    }

    private static Map<String, Object> reference(Dataset train, Dataset test, int epochs) {
        List<EpochMetrics> history = new ArrayList<>();
        TrainingListener print = m -> {
            history.add(m);
            System.out.printf("epoch %d: %.3f s  %,.0f samples/s  loss %.4f  test acc %.4f%n", m.epoch(), m.seconds(),
                    m.samplesPerSecond(), m.loss(), m.valAccuracy());
        };
        // The bench hands the training set over, as the service does: standardized in place, held once.
        TrainingOutcome outcome = Training.runOverwritingData(mlp(256, 128), spec(epochs, 128), train, test, print, () -> false);
        double[] seconds = history.stream().mapToDouble(EpochMetrics::seconds).sorted().toArray();
        double median = seconds[seconds.length / 2];
        double accuracy = accuracy(outcome, test);
        System.out.printf("widrow: median epoch %.3f s, %,.0f samples/s, test accuracy %.4f%n", median,
                train.rows() / median, accuracy);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("epoch_s_median", median);
        r.put("samples_per_s", train.rows() / median);
        r.put("final_test_acc", accuracy);
        r.put("epochs", history.stream().map(m -> Map.of("epoch", m.epoch(), "seconds", m.seconds(),
                "test_acc", m.valAccuracy())).toList());
        return r;
    }

    private static void serve(Dataset raw, Dataset test) throws java.io.IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        System.out.println("READY");
        System.out.flush();
        for (String line = in.readLine(); line != null && !line.isBlank() && !line.equals("quit"); line = in.readLine()) {
            String[] cmd = line.trim().split("\\s+");
            if (cmd.length != 2 || !cmd[0].equals("train")) {
                throw new IllegalArgumentException("expected 'train N' or 'quit', got '" + line + "'");
            }
            // The reference run standardizes its rows in place, as the service does: each round gets a copy.
            Dataset train = raw.withFeatures(raw.x().clone(), raw.features(), raw.featureNames());
            List<Double> seconds = new ArrayList<>();
            TrainingOutcome outcome = Training.runOverwritingData(mlp(256, 128), spec(Integer.parseInt(cmd[1]), 128),
                    train, test, m -> seconds.add(m.seconds()), () -> false);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("epoch_seconds", seconds);
            r.put("final_test_acc", accuracy(outcome, test));
            System.out.println("ROUND " + Json.write(r));
            System.out.flush();
        }
    }

    /** Samples/s of one pass over (part of) the data: batch 1 gets fewer samples so the table stays quick. */
    private static Map<String, Object> batchScaling(Dataset train) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int batch : new int[] {1, 32, 128, 512}) {
            Dataset part = train.head(batch == 1 ? 3_000 : 20_000);
            double rate = throughput(mlp(256, 128), part, batch);
            System.out.printf("batch %4d: %,12.0f samples/s%n", batch, rate);
            r.put(Integer.toString(batch), rate);
        }
        return r;
    }

    private static Map<String, Object> widthScaling(Dataset train) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int width : new int[] {64, 256, 1024, 4096}) {
            Dataset part = train.head(width >= 4096 ? 5_000 : 20_000);
            double rate = throughput(mlp(width), part, 128);
            long params = 785L * width + (width + 1L) * 10;
            System.out.printf("width %4d: %,12.0f samples/s  (%,d parameters, %,.0f M parameter-samples/s)%n", width,
                    rate, params, rate * params / 1e6);
            r.put(Integer.toString(width), Map.of("samples_per_s", rate, "parameters", params));
        }
        return r;
    }

    /**
     * The reference network with the course's other activations and optimizers, against ReLU + Adam (the
     * first): a
     * user who picks sigmoid or plain SGD should not wait several times as long (they did, before their
     * kernels ran in float on both cores).
     */
    private static Map<String, Object> configurations(Dataset train) {
        Map<String, Object> r = new LinkedHashMap<>();
        Dataset part = train.head(20_000);
        String[][] configs = {{"relu", "adam"}, {"sigmoid", "adam"}, {"tanh", "adam"}, {"gelu", "adam"},
                {"relu", "sgd"}, {"relu", "momentum"}, {"relu", "rmsprop"}};
        // Two passes over the list, each configuration's better one kept: with one, a slow moment on this
        // host during ReLU + Adam alone put every other configuration at 1.2-1.8 of it.
        double[] best = new double[configs.length];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < configs.length; i++) {
                best[i] = Math.max(best[i], throughput(mlp(configs[i][0], 256, 128), spec(3, 128, configs[i][1]), part));
            }
        }
        for (int i = 0; i < configs.length; i++) {
            System.out.printf("%-8s + %-8s: %,12.0f samples/s  (%.2f of relu + adam)%n", configs[i][0], configs[i][1],
                    best[i], best[i] / best[0]);
            r.put(configs[i][0] + "+" + configs[i][1], best[i]);
        }
        return r;
    }

    private static double throughput(ModelSpec model, Dataset data, int batch) {
        return throughput(model, spec(3, batch), data);
    }

    /** Best of two one-epoch runs after a warm-up epoch, so JIT compilation is not what is measured. */
    private static double throughput(ModelSpec model, TrainingSpec spec, Dataset data) {
        List<EpochMetrics> h = new ArrayList<>();
        Training.run(model, spec, data, null, h::add, () -> false);
        return Math.max(h.get(1).samplesPerSecond(), h.get(2).samplesPerSecond());
    }

    static ModelSpec mlp(int... hidden) {
        return mlp("relu", hidden);
    }

    private static ModelSpec mlp(String activation, int... hidden) {
        String init = activation.equals("relu") || activation.equals("gelu") ? "he_normal" : "xavier_uniform";
        List<LayerSpec> layers = Arrays.stream(hidden).mapToObj(u -> (LayerSpec) new DenseSpec(u, activation, init)).toList();
        return new ModelSpec("mlp", "none", true, layers, new OutputSpec(0, "softmax", "cross_entropy", "xavier_uniform"), 0.5);
    }

    static TrainingSpec spec(int epochs, int batch) {
        return spec(epochs, batch, "adam");
    }

    private static TrainingSpec spec(int epochs, int batch, String optimizer) {
        double lr = optimizer.equals("adam") || optimizer.equals("rmsprop") ? 1e-3 : 0.05;
        return new TrainingSpec(epochs, batch, true, false, 0, OptimizerSpec.of(optimizer, lr), ScheduleSpec.constant(),
                GradientClipSpec.NONE, null, 0, 0);
    }

    private static double accuracy(TrainingOutcome outcome, Dataset test) {
        Prediction p = outcome.model().predict(test.x(), test.rows());
        int hits = 0;
        for (int i = 0; i < test.rows(); i++) {
            hits += p.labels()[i] == test.labels()[i] ? 1 : 0;
        }
        return (double) hits / test.rows();
    }
}
