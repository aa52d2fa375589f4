package io.widrow.engine.linear;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.EarlyStoppingSpec;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingSpec;
import java.util.function.BooleanSupplier;

/**
 * Trains a perceptron or an ADALINE on an already mapped and standardized Dataset. Uses the spec's
 * epochs, base learning rate, batch size (the perceptron is always online), shuffle and seed, and early
 * stopping; the optimizer type, schedule, clipping and validation split do not apply to these rules.
 */
public final class LinearTrainer {
    public static final String PERCEPTRON = "perceptron";
    public static final String ADALINE = "adaline";

    private final TrainingSpec spec;
    private final TrainingListener listener;
    private final BooleanSupplier cancelled;
    private WeightsObserver weightsObserver;

    /** Sees the live weights after each epoch's metrics (on the training thread; copy what you keep). */
    @FunctionalInterface
    public interface WeightsObserver {
        void onEpoch(int epoch, float[] weights, float bias, double threshold);
    }

    /** {@code listener} and {@code cancelled} may be null (no progress, never cancelled). */
    public LinearTrainer(TrainingSpec spec, TrainingListener listener, BooleanSupplier cancelled) {
        if (spec == null) {
            throw new IllegalArgumentException("training spec is required");
        }
        this.spec = spec;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** Mutates: registers the (single) observer of the weights as each epoch ends. */
    public void observeWeights(WeightsObserver observer) {
        this.weightsObserver = observer;
    }

    /**
     * @param model      perceptron | adaline
     * @param validation may be null
     * @param threshold  ADALINE decision threshold θ (ignored by the perceptron and for regression)
     */
    public LinearTrainingResult train(String model, Dataset train, Dataset validation, double threshold) {
        if (!PERCEPTRON.equals(model) && !ADALINE.equals(model)) {
            throw new IllegalArgumentException("linear model must be perceptron or adaline, got '" + model + "'");
        }
        boolean perceptron = PERCEPTRON.equals(model);
        LinearProblem tr = LinearProblem.of(model, train, "training");
        LinearProblem val = validation == null ? null : LinearProblem.of(model, validation, "validation");
        if (val != null) {
            tr.requireCompatible(val);
        }
        double theta = perceptron ? 0 : tr.classification() ? threshold : Double.NaN;
        LinearUnit unit;
        if (perceptron) {
            unit = new Perceptron(tr.cols);
        } else {
            Adaline a = new Adaline(tr.cols);
            if (tr.classification()) {
                a.setThreshold(threshold);
            }
            unit = a;
        }
        return new Run(model, unit, tr, val, theta).execute();
    }

    /** One training run's mutable state, so the trainer itself stays reusable. */
    private final class Run {
        private final String model;
        private final LinearUnit unit;
        private final LinearProblem tr;
        private final LinearProblem val;
        private final double theta;
        private final int[] order;
        private final Rng rng = new Rng(spec.seed());
        private final double eta = spec.optimizer().learningRate();
        private final float[] bestW;
        private float bestB;
        private double best = Double.POSITIVE_INFINITY;
        private int bestEpoch;

        Run(String model, LinearUnit unit, LinearProblem tr, LinearProblem val, double theta) {
            this.model = model;
            this.unit = unit;
            this.tr = tr;
            this.val = val;
            this.theta = theta;
            this.order = new int[tr.rows];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            this.bestW = new float[tr.cols];
        }

        LinearTrainingResult execute() {
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("learning rate must be finite and > 0, got " + eta);
            }
            EarlyStoppingSpec es = spec.earlyStopping();
            int stale = 0;
            int epoch = 0;
            boolean stopped = false;
            boolean wasCancelled = false;
            while (epoch < spec.epochs()) {
                long start = System.nanoTime();
                unit.resetGradientStats();
                if (spec.shuffle()) {
                    rng.shuffle(order, order.length);
                }
                if (!runEpoch()) {
                    wasCancelled = true;
                    break;
                }
                epoch++;
                double monitored = report(epoch, start);
                if (es != null && !(monitored < best - es.minDelta())) {
                    if (++stale >= es.patience()) {
                        stopped = true;
                        break;
                    }
                } else {
                    stale = 0;
                }
                if (monitored < best) {
                    best = monitored;
                    bestEpoch = epoch;
                    System.arraycopy(unit.weightArray(), 0, bestW, 0, bestW.length);
                    bestB = unit.bias();
                }
            }
            if (stopped && es.restoreBest() && bestEpoch > 0) {
                unit.setWeights(bestW, bestB);
            }
            return new LinearTrainingResult(model, unit.weightArray(), unit.bias(), theta, epoch, bestEpoch,
                    stopped, wasCancelled);
        }

        /** Returns false if cancelled part-way; cancellation is checked before every sample or batch. */
        private boolean runEpoch() {
            int n = tr.rows;
            if (unit instanceof Perceptron p) {
                for (int i = 0; i < n; i++) {
                    if (cancelled.getAsBoolean()) {
                        return false;
                    }
                    p.trainRange(tr.x, tr.labels, order, i, i + 1, eta);
                }
                return true;
            }
            Adaline a = (Adaline) unit;
            int batch = spec.effectiveBatchSize(n);
            for (int from = 0; from < n; from += batch) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                a.trainBatch(tr.x, tr.targets, order, from, Math.min(n, from + batch), eta);
            }
            return true;
        }

        /** Sends the epoch's metrics; returns the loss early stopping watches. */
        private double report(int epoch, long startNanos) {
            boolean perceptron = unit instanceof Perceptron;
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double loss = tr.loss(unit, perceptron);
            double acc = tr.accuracy(unit, theta);
            double valLoss = val == null ? Double.NaN : val.loss(unit, perceptron);
            double valAcc = val == null ? Double.NaN : val.accuracy(unit, theta);
            listener.onEpoch(new EpochMetrics(epoch, loss, acc, valLoss, valAcc, eta, Double.NaN,
                    new double[] {unit.gradientNorm()}, new double[] {LinearUnit.norm(unit.weightArray())},
                    seconds > 0 ? tr.rows / seconds : Double.NaN, seconds));
            if (weightsObserver != null) {
                weightsObserver.onEpoch(epoch, unit.weightArray(), unit.bias(), theta);
            }
            return val == null ? loss : valLoss;
        }
    }
}
