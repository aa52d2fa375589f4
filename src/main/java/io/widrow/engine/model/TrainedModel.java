package io.widrow.engine.model;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.features.FeatureMap;
import io.widrow.engine.features.Standardizer;
import io.widrow.engine.nn.Layer;
import io.widrow.engine.nn.Network;
import io.widrow.engine.nn.NetworkBuilder;
import io.widrow.engine.nn.Parameter;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trained model with everything prediction needs: the raw feature names it expects, the feature map
 * and standardization fitted at training time, and either a network (mlp) or linear weights
 * (perceptron, ADALINE). Predictions take raw feature values in the training column order.
 */
public final class TrainedModel {
    private final ModelSpec spec;
    private final Dataset.Task task;
    private final String[] featureNames;
    private final String[] classes;
    private final int outputs;
    private final FeatureMap featureMap;
    private final Standardizer standardizer;
    private final Network network;
    private final LinearWeights linear;
    /** Set while a prediction runs on {@link #network} itself (which {@code DecisionSurface} also locks). */
    private final AtomicBoolean primaryBusy = new AtomicBoolean();
    /** Inference copies of the network for concurrent callers, made on first contention. */
    private final ConcurrentLinkedQueue<Network> spares = new ConcurrentLinkedQueue<>();
    private final AtomicInteger copies = new AtomicInteger();

    /** A copy costs its weights again: only for models up to this size (16 MB of float32). */
    static final long COPY_MAX_PARAMETERS = 4_000_000;
    /**
     * A prediction chunk's values: 256 KB, under G1's humongous-object threshold at any heap size (half a
     * region, and regions are at least 1 MB); 83 Fashion-MNIST images.
     */
    static final int PREDICT_CHUNK_FLOATS = 1 << 16;
    static final int PREDICT_CHUNK_MAX_ROWS = 128;

    /** {@code standardizer} may be null; exactly one of {@code network} and {@code linear} is set. */
    public TrainedModel(ModelSpec spec, Dataset.Task task, String[] featureNames, String[] classes, int outputs,
                        Standardizer standardizer, Network network, LinearWeights linear) {
        if ((network == null) == (linear == null)) {
            throw new IllegalArgumentException("a model has either a network or linear weights");
        }
        this.spec = spec;
        this.task = task;
        this.featureNames = featureNames.clone();
        this.classes = classes.clone();
        this.outputs = outputs;
        this.featureMap = FeatureMap.of(spec.featureMap());
        this.standardizer = standardizer;
        this.network = network;
        this.linear = linear;
    }

    public ModelSpec spec() {
        return spec;
    }

    public Dataset.Task task() {
        return task;
    }

    public String[] featureNames() {
        return featureNames.clone();
    }

    public String[] classes() {
        return classes.clone();
    }

    /** Raw input columns expected by {@link #predict}. */
    public int inputs() {
        return featureNames.length;
    }

    /** Output units of the network (classes for softmax, 1 for sigmoid or a linear model). */
    public int outputs() {
        return outputs;
    }

    public Standardizer standardizer() {
        return standardizer;
    }

    /** The network (mlp) or null. */
    public Network network() {
        return network;
    }

    /** The linear weights (perceptron, ADALINE) or null. */
    public LinearWeights linear() {
        return linear;
    }

    public long parameterCount() {
        return network != null ? network.parameterCount() : linear.weights().length + 1L;
    }

    /** One line per stage, e.g. ["input 2", "dense 2→32", "relu", "dense 32→2", "softmax + cross_entropy"]. */
    public List<String> architecture() {
        List<String> out = new ArrayList<>();
        out.add("input " + inputs());
        if (!"none".equals(spec.featureMap())) {
            out.add(spec.featureMap() + " → " + featureMap.outputSize(inputs()));
        }
        if (standardizer != null) {
            out.add("standardize");
        }
        if (network != null) {
            for (Layer layer : network.layers()) {
                out.add(layer.kind().equals("dense") ? "dense " + layer.inputSize() + "→" + layer.outputSize() : layer.kind());
            }
            out.add(network.outputActivation().name() + " + " + network.loss().name());
        } else {
            out.add(spec.type() + " " + linear.weights().length + "→1");
        }
        return out;
    }

    /** Feature map then standardization, as at training time; returns a new array. */
    public float[] preprocess(float[] raw, int rows) {
        requireRows(raw, rows);
        int width = featureMap.outputSize(inputs());
        float[] x = new float[rows * width];
        featureMap.apply(raw, rows, inputs(), x);
        if (standardizer != null) {
            standardizer.applyInPlace(x, rows);
        }
        return x;
    }

    private void requireRows(float[] raw, int rows) {
        if (rows < 0 || raw.length != (long) rows * inputs()) {
            throw new IllegalArgumentException("expected " + rows + " rows of " + inputs() + " values, got " + raw.length + " values");
        }
    }

    /** Predicts {@code rows} rows of raw values (row-major, {@link #inputs()} per row). Thread-safe. */
    public Prediction predict(float[] raw, int rows) {
        if (network != null) {
            requireRows(raw, rows);
            return predictNetwork(raw, rows);
        }
        return predictLinear(preprocess(raw, rows), rows);
    }

    /**
     * Concurrent predictions used to take turns on the one network (its layers own their batch buffers).
     * A caller that finds it busy now takes an inference copy, up to one per core, made from the weights
     * the first time it is needed; only when those are all in use does it wait. A network that is still
     * being trained must therefore not be predicted from several threads at once (the copies would keep
     * old weights); the live models a training run hands its observer are used from its own thread.
     */
    private Prediction predictNetwork(float[] raw, int rows) {
        int k = outputs;
        float[] a;
        if (primaryBusy.compareAndSet(false, true)) {
            try {
                a = forwardOn(network, raw, rows);
            } finally {
                primaryBusy.set(false);
            }
        } else {
            Network copy = borrowCopy();
            if (copy != null) {
                try {
                    a = forwardOn(copy, raw, rows);
                } finally {
                    spares.offer(copy);
                }
            } else {
                a = forwardOn(network, raw, rows);
            }
        }
        if (task == Dataset.Task.REGRESSION) {
            return new Prediction(rows, k, a, null);
        }
        int[] labels = new int[rows];
        if (k == 1) {
            float[] probs = new float[rows * 2];
            for (int i = 0; i < rows; i++) {
                probs[2 * i] = 1f - a[i];
                probs[2 * i + 1] = a[i];
                labels[i] = a[i] >= 0.5f ? 1 : 0;
            }
            return new Prediction(rows, 2, probs, labels);
        }
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (a[i * k + j] > a[i * k + best]) {
                    best = j;
                }
            }
            labels[i] = best;
        }
        return new Prediction(rows, k, a, labels);
    }

    /**
     * A batch goes through the network {@link #predictChunkRows()} rows at a time, each chunk
     * preprocessed into a small scratch just before its forward pass. Taken whole, a 1,000-image batch
     * was first copied whole for preprocessing: 3 MB, which G1 allocates as a humongous object, and those
     * started a concurrent marking cycle every few requests (a sixth of a busy server's CPU under wrk).
     * Chunks are cut from the first row, so the same rows give the same bits however the caller splits
     * a batch into whole chunks (the service reads request bodies in blocks of exactly one chunk).
     */
    private float[] forwardOn(Network net, float[] raw, int rows) {
        int width = featureMap.outputSize(inputs());
        int chunk = predictChunkRows();
        float[] out = new float[rows * outputs];
        float[] x = new float[Math.min(rows, chunk) * width];
        synchronized (net) {
            for (int r0 = 0; r0 < rows; r0 += chunk) {
                int n = Math.min(chunk, rows - r0);
                featureMap.apply(raw, r0, n, inputs(), x);
                if (standardizer != null) {
                    standardizer.applyInPlace(x, n);
                }
                Matrix a = net.forward(new Matrix(x, n, width), false);
                System.arraycopy(a.data(), 0, out, r0 * outputs, n * outputs);
            }
        }
        return out;
    }

    /**
     * Rows per forward pass of a prediction: as many as fit {@link #PREDICT_CHUNK_FLOATS} values, raw or
     * feature-mapped, up to {@link #PREDICT_CHUNK_MAX_ROWS}.
     */
    public int predictChunkRows() {
        int width = Math.max(inputs(), featureMap.outputSize(inputs()));
        return Math.max(1, Math.min(PREDICT_CHUNK_MAX_ROWS, PREDICT_CHUNK_FLOATS / Math.max(1, width)));
    }

    /** A spare inference copy, a new one while under the per-core limit, or null. */
    private Network borrowCopy() {
        Network spare = spares.poll();
        if (spare != null || network.parameterCount() > COPY_MAX_PARAMETERS) {
            return spare;
        }
        if (copies.incrementAndGet() > Runtime.getRuntime().availableProcessors()) {
            copies.decrementAndGet();
            return null;
        }
        Network copy = NetworkBuilder.build(spec.layers(), spec.output(), network.inputSize(), outputs, new Rng(0));
        copyValues(network.parameters(), copy.parameters());
        copyValues(network.buffers(), copy.buffers());
        return copy;
    }

    private static void copyValues(List<Parameter> from, List<Parameter> to) {
        for (int i = 0; i < from.size(); i++) {
            float[] src = from.get(i).value();
            System.arraycopy(src, 0, to.get(i).value(), 0, src.length);
        }
    }

    /** Inference copies made so far; for tests. */
    int networkCopies() {
        return copies.get();
    }

    private Prediction predictLinear(float[] x, int rows) {
        int width = linear.weights().length;
        if (task == Dataset.Task.REGRESSION) {
            float[] v = new float[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = (float) linear.score(x, i * width);
            }
            return new Prediction(rows, 1, v, null);
        }
        float[] probs = new float[rows * 2];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = linear.score(x, i * width) >= linear.threshold() ? 1 : 0;
            probs[2 * i + labels[i]] = 1f;
        }
        return new Prediction(rows, 2, probs, labels);
    }
}
