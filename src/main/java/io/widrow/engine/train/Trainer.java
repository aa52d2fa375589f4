package io.widrow.engine.train;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.nn.Dense;
import io.widrow.engine.nn.Network;
import io.widrow.engine.nn.Parameter;
import io.widrow.engine.optim.GradientClipping;
import io.widrow.engine.optim.MomentumSchedule;
import io.widrow.engine.optim.Optimizer;
import io.widrow.engine.schedule.LearningRateSchedule;
import io.widrow.engine.tensor.Elementwise;
import io.widrow.engine.tensor.Matrix;
import io.widrow.engine.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The mini-batch training loop for a {@link Network}: online (batch 1), mini-batch or full batch,
 * shuffled or stratified each epoch, with schedules, momentum switching, clipping, held-out evaluation,
 * early stopping and cancellation between batches. Every buffer is allocated before the first epoch.
 * With {@link Checkpointing} a run saves its state every few epochs or on request, and continues from such
 * a state bit-identically.
 */
public final class Trainer {
    private final TrainingSpec spec;

    public Trainer(TrainingSpec spec) {
        this.spec = spec;
    }

    /**
     * Trains {@code net} in place on {@code train} (already feature-mapped and standardized); scores on
     * {@code validation} after each epoch when it is not null.
     *
     * @throws TrainingDivergedException when the loss stops being finite
     */
    public TrainingResult fit(Network net, Dataset train, Dataset validation, TrainingListener listener,
                              BooleanSupplier cancelled) {
        return fit(net, train, validation, listener, cancelled, Checkpointing.NONE);
    }

    /**
     * As {@link #fit(Network, Dataset, Dataset, TrainingListener, BooleanSupplier)}, resuming from and saving
     * checkpoints as {@code checkpoints} says; the listener hears only epochs this call trains.
     *
     * @throws TrainingSuspendedException after saving, when {@code checkpoints.suspend()} turned true
     * @throws CheckpointException        when the checkpoint to resume from does not fit this run
     */
    public TrainingResult fit(Network net, Dataset train, Dataset validation, TrainingListener listener,
                              BooleanSupplier cancelled, Checkpointing checkpoints) {
        int rows = train.rows();
        if (rows == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int batch = spec.effectiveBatchSize(rows);
        int stepsPerEpoch = (rows + batch - 1) / batch;
        Rng shuffleRng = new Rng(spec.seed()).fork();
        BatchOrder order = new BatchOrder(rows, train.labels(), train.classCount(), spec.shuffle(),
                spec.stratified(), shuffleRng);
        Optimizer optimizer = spec.optimizer().build();
        MomentumSchedule momentum = spec.optimizer().momentumSchedule();
        LearningRateSchedule schedule = spec.schedule().build(spec.scaledLearningRate(rows), spec.epochs(), stepsPerEpoch);
        List<Parameter> params = net.parameters();
        List<Dense> dense = net.denseLayers();
        List<Parameter> modelState = new ArrayList<>(params);
        modelState.addAll(net.buffers());
        EarlyStopping early = spec.earlyStopping() == null ? null : new EarlyStopping(spec.earlyStopping(), modelState);
        Evaluator valEval = validation == null || validation.rows() == 0 ? null : new Evaluator(validation, net.outputSize());

        Matrix x = new Matrix(batch, train.features());
        Matrix t = new Matrix(batch, net.outputSize());
        double[] gradSums = new double[dense.size()];
        List<EpochMetrics> history = new ArrayList<>(checkpoints.resumeHistory());
        TrainerState state = new TrainerState(modelState, params, optimizer, schedule, momentum, order, early);
        TrainerState.Position at = checkpoints.resumeFrom() == null
                ? TrainerState.Position.epochStart(0, 0, dense.size())
                : state.restore(checkpoints.resumeFrom(), rows, dense.size());
        long step = at.step();
        boolean stoppedEarly = false;
        int epochsRun = at.epoch();
        for (int epoch = at.epoch(); epoch < spec.epochs(); epoch++) {
            boolean resumed = epoch == at.epoch() && at.inEpoch();
            if (!resumed) {
                optimizer.setMomentum(momentum.momentumForEpoch(epoch));
                order.nextEpoch();
            }
            int[] idx = order.order();
            long started = System.nanoTime() - (resumed ? at.elapsedNanos() : 0);
            double lossSum = resumed ? at.lossSum() : 0;
            long hits = resumed ? at.hits() : 0;
            double lr = resumed ? at.learningRate() : 0;
            if (resumed) {
                System.arraycopy(at.gradSums(), 0, gradSums, 0, gradSums.length);
            } else {
                java.util.Arrays.fill(gradSums, 0);
            }
            for (int from = resumed ? at.from() : 0; from < rows; from += batch) {
                if (cancelled.getAsBoolean()) {
                    return new TrainingResult(epochsRun, true, false, epochsRun, history);
                }
                if (checkpoints.suspend().getAsBoolean()) {
                    checkpoints.sink().accept(state.save(new TrainerState.Position(epoch, true, from, step, lossSum,
                            hits, lr, gradSums.clone(), System.nanoTime() - started)));
                    throw new TrainingSuspendedException(epochsRun);
                }
                int n = Math.min(batch, rows - from);
                Targets.gather(train, idx, from, n, x, t);
                double loss = net.forwardBackward(x, t);
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(epoch + 1, loss);
                }
                lossSum += loss * n;
                hits += Targets.correct(train, idx, from, n, net.lastOutput());
                for (int i = 0; i < gradSums.length; i++) {
                    gradSums[i] += l2(dense.get(i).weights().grad());
                }
                if (spec.gradientClip().value() > 0) {
                    GradientClipping.clipByValue(params, spec.gradientClip().value());
                }
                if (spec.gradientClip().norm() > 0) {
                    GradientClipping.clipByGlobalNorm(params, spec.gradientClip().norm());
                }
                lr = schedule.rate(step, epoch);
                optimizer.step(params, lr);
                step++;
            }
            epochsRun = epoch + 1;
            double seconds = (System.nanoTime() - started) / 1e9;
            double trainLoss = lossSum / rows;
            if (!Double.isFinite(trainLoss)) {
                throw new TrainingDivergedException(epochsRun, trainLoss);
            }
            Evaluation val = valEval == null ? Evaluation.NONE : valEval.evaluate(net, validation);
            double[] gradNorms = new double[dense.size()];
            double[] weightNorms = new double[dense.size()];
            for (int i = 0; i < gradNorms.length; i++) {
                gradNorms[i] = gradSums[i] / stepsPerEpoch;
                weightNorms[i] = l2(dense.get(i).weights().value());
            }
            double accuracy = train.isClassification() ? (double) hits / rows : Double.NaN;
            EpochMetrics metrics = new EpochMetrics(epochsRun, trainLoss, accuracy, val.loss(), val.accuracy(), lr,
                    optimizer.momentum(), gradNorms, weightNorms, rows / Math.max(seconds, 1e-9), seconds);
            history.add(metrics);
            listener.onEpoch(metrics);
            double monitored = valEval == null ? trainLoss : val.loss();
            schedule.onEpochEnd(epoch, monitored);
            momentum.onEpochEnd(epoch, trainLoss);
            if (early != null && early.update(epochsRun, monitored)) {
                stoppedEarly = true;
                break;
            }
            if (checkpoints.due(epochsRun, spec.epochs())) {
                checkpoints.sink().accept(state.save(TrainerState.Position.epochStart(epochsRun, step, dense.size())));
            }
        }
        int bestEpoch = early == null ? epochsRun : early.restore(epochsRun);
        return new TrainingResult(epochsRun, false, stoppedEarly, bestEpoch, history);
    }

    /**
     * Runs over every weight gradient on every batch, hence the vector kernel, split as the optimizer
     * splits the update so each core reads the half of the gradient it computed.
     */
    static double l2(float[] v) {
        return Math.sqrt(Elementwise.sumOfSquaresShared(v, v.length));
    }
}
