package io.widrow.engine.linear;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.CheckpointIo;
import io.widrow.engine.train.Checkpointing;
import io.widrow.engine.train.EarlyStoppingSpec;
import io.widrow.engine.train.EpochMetrics;
import io.widrow.engine.train.TrainingCheckpoint;
import io.widrow.engine.train.TrainingListener;
import io.widrow.engine.train.TrainingSpec;
import io.widrow.engine.train.TrainingSuspendedException;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Trains a perceptron or an ADALINE on an already mapped and standardized Dataset. Uses the spec's
 * epochs, base learning rate, batch size (the perceptron is always online), shuffle and seed, and early
 * stopping; the optimizer type, schedule, clipping and validation split do not apply to these rules.
 * Checkpoints work as for networks ({@link Checkpointing}): saved between samples or batches, resumed
 * bit-identically.
 */
public final class LinearTrainer {
    public static final String PERCEPTRON = "perceptron";
    public static final String ADALINE = "adaline";

    private final TrainingSpec spec;
    private final TrainingListener listener;
    private final BooleanSupplier cancelled;
    private final Checkpointing checkpoints;
    private WeightsObserver weightsObserver;

    /** Sees the live weights after each epoch's metrics (on the training thread; copy what you keep). */
    @FunctionalInterface
    public interface WeightsObserver {
        void onEpoch(int epoch, float[] weights, float bias, double threshold);
    }

    /** {@code listener} and {@code cancelled} may be null (no progress, never cancelled). */
    public LinearTrainer(TrainingSpec spec, TrainingListener listener, BooleanSupplier cancelled) {
        this(spec, listener, cancelled, Checkpointing.NONE);
    }

    /** As above, saving and resuming as {@code checkpoints} says; the listener hears only epochs this run trains. */
    public LinearTrainer(TrainingSpec spec, TrainingListener listener, BooleanSupplier cancelled,
                         Checkpointing checkpoints) {
        if (spec == null) {
            throw new IllegalArgumentException("training spec is required");
        }
        this.spec = spec;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.checkpoints = checkpoints == null ? Checkpointing.NONE : checkpoints;
    }

    /** Mutates: registers the (single) observer of the weights as each epoch ends. */
    public void observeWeights(WeightsObserver observer) {
        this.weightsObserver = observer;
    }

    /**
     * @param model      perceptron | adaline
     * @param validation may be null
     * @param threshold  ADALINE decision threshold θ (ignored by the perceptron and for regression)
     * @throws TrainingSuspendedException after saving, when the checkpointing's suspend flag turned true
     * @throws io.widrow.engine.train.CheckpointException when the checkpoint to resume from does not fit
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

    /** Before sample (or batch) {@code from} of the current epoch, whose order is drawn if {@code inEpoch}. */
    private record Position(boolean inEpoch, int from, long elapsedNanos) {
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
        private int stale;
        private int epoch;

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
            Position at = checkpoints.resumeFrom() == null ? new Position(false, 0, 0)
                    : restore(checkpoints.resumeFrom());
            int from = at.from();
            long elapsed = at.elapsedNanos();
            boolean inEpoch = at.inEpoch();
            boolean stopped = false;
            boolean wasCancelled = false;
            while (epoch < spec.epochs()) {
                long start = System.nanoTime() - elapsed;
                if (!inEpoch) {
                    unit.resetGradientStats();
                    if (spec.shuffle()) {
                        rng.shuffle(order, order.length);
                    }
                }
                if (!runEpoch(from, start)) {
                    wasCancelled = true;
                    break;
                }
                from = 0;
                elapsed = 0;
                inEpoch = false;
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
                if (epoch < spec.epochs() && epoch % checkpoints.every() == 0) {
                    checkpoints.sink().accept(save(false, 0, 0));
                }
            }
            if (stopped && es.restoreBest() && bestEpoch > 0) {
                unit.setWeights(bestW, bestB);
            }
            return new LinearTrainingResult(model, unit.weightArray(), unit.bias(), theta, epoch, bestEpoch,
                    stopped, wasCancelled);
        }

        /**
         * Trains from position {@code from} of the epoch's order. Returns false if cancelled part-way;
         * cancellation and suspension are checked before every sample or batch.
         */
        private boolean runEpoch(int from, long startNanos) {
            int n = tr.rows;
            int step = unit instanceof Perceptron ? 1 : spec.effectiveBatchSize(n);
            for (int i = from; i < n; i += step) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                if (checkpoints.suspend().getAsBoolean()) {
                    checkpoints.sink().accept(save(true, i, System.nanoTime() - startNanos));
                    throw new TrainingSuspendedException(epoch);
                }
                if (unit instanceof Perceptron p) {
                    p.trainRange(tr.x, tr.labels, order, i, i + 1, eta);
                } else {
                    ((Adaline) unit).trainBatch(tr.x, tr.targets, order, i, Math.min(n, i + step), eta);
                }
            }
            return true;
        }

        private TrainingCheckpoint save(boolean inEpoch, int from, long elapsedNanos) {
            byte[] bytes = CheckpointIo.encode(model, out -> {
                out.writeInt(epoch);
                out.writeBoolean(inEpoch);
                out.writeInt(from);
                out.writeLong(elapsedNanos);
                out.writeLong(rng.state());
                CheckpointIo.writeInts(out, order);
                CheckpointIo.writeFloats(out, unit.weightArray());
                out.writeFloat(unit.bias());
                unit.writeGradientStats(out);
                out.writeInt(stale);
                out.writeDouble(best);
                out.writeInt(bestEpoch);
                CheckpointIo.writeFloats(out, bestW);
                out.writeFloat(bestB);
            });
            return new TrainingCheckpoint(epoch, bytes);
        }

        /** Mutates this run; returns where inside the epoch it stood. */
        private Position restore(TrainingCheckpoint checkpoint) {
            return CheckpointIo.decode(checkpoint.state(), model, in -> {
                epoch = in.readInt();
                boolean inEpoch = in.readBoolean();
                int from = in.readInt();
                long elapsed = in.readLong();
                if (epoch != checkpoint.epoch() || from < 0 || from >= tr.rows) {
                    throw new IOException("position epoch " + epoch + ", row " + from + " does not fit " + tr.rows
                            + " rows");
                }
                rng.restore(in.readLong());
                CheckpointIo.readInts(in, order, "the sample order");
                float[] w = new float[tr.cols];
                CheckpointIo.readFloats(in, w, "the weights");
                unit.setWeights(w, in.readFloat());
                unit.readGradientStats(in);
                stale = in.readInt();
                best = in.readDouble();
                bestEpoch = in.readInt();
                CheckpointIo.readFloats(in, bestW, "the best weights");
                bestB = in.readFloat();
                return new Position(inEpoch, from, elapsed);
            });
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
