package io.widrow.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.model.ModelSpec;
import io.widrow.engine.model.TrainedModel;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.nn.BatchNormSpec;
import io.widrow.engine.nn.DenseSpec;
import io.widrow.engine.nn.OutputSpec;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run interrupted at a checkpoint and continued by fresh objects ends with exactly the floats of a run
 * that was never interrupted: the promise behind resuming jobs after a crash or a shutdown.
 */
class CheckpointResumeTest {
    private static final Dataset MOONS = Generators.generate(new GeneratorSpec("moons", 240, 0.15, 5));
    private static final int EPOCHS = 7;

    /**
     * Everything stateful at once: batchnorm buffers, the momentum switch, a plateau schedule, stratified
     * shuffles, early stopping's best copy.
     */
    private static final ModelSpec MLP = new ModelSpec("mlp", "none", true,
            List.of(new DenseSpec(12, "relu", 0.01, "he_normal", 0), new BatchNormSpec(0.9, 1e-5),
                    new DenseSpec(6, "tanh", 0.01, "xavier_normal", 0)),
            new OutputSpec(0, "softmax", "cross_entropy", "xavier_normal"), 0.5);

    private static TrainingSpec mlpTraining(String optimizer, EarlyStoppingSpec early) {
        OptimizerSpec opt = optimizer.equals("momentum")
                ? new OptimizerSpec("momentum", 0.05, 0.9, 0.5, 3, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 1e-4)
                : OptimizerSpec.of(optimizer, 0.01);
        return new TrainingSpec(EPOCHS, 32, true, true, 11, opt, ScheduleSpec.plateau(0.5, 1, 1e-3, 1e-5),
                new GradientClipSpec(5, 0), early, 0.2, 0);
    }

    private static TrainingSpec linearTraining(int batch, EarlyStoppingSpec early) {
        OptimizerSpec sgd = OptimizerSpec.of("sgd", 0.02);
        return new TrainingSpec(EPOCHS, batch, true, false, 3, sgd, ScheduleSpec.constant(), null, early, 0, 0);
    }

    private static ModelSpec linear(String type) {
        return new ModelSpec(type, "none", true, List.of(), null, 0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adam", "momentum", "rmsprop"})
    void mlpResumedAtAnEpochBoundaryEndsBitIdentical(String optimizer) {
        TrainingSpec spec = mlpTraining(optimizer, new EarlyStoppingSpec(100, 0, true));
        assertResumesIdentically(MLP, spec, MOONS, 3);
    }

    @Test
    void mlpResumedMidEpochEndsBitIdentical() {
        TrainingSpec spec = mlpTraining("adam", new EarlyStoppingSpec(100, 0, true));
        // 192 training rows in batches of 32: six batches per epoch, so 20 boundaries in stops inside epoch 4.
        assertSuspendedRunResumesIdentically(MLP, spec, MOONS, 20);
    }

    @Test
    void earlyStoppingStopsAtTheSameEpochAfterAResume() {
        TrainingSpec spec = new TrainingSpec(60, 16, true, false, 2, OptimizerSpec.of("adam", 0.08),
                ScheduleSpec.constant(), null, new EarlyStoppingSpec(2, 0.01, true), 0.3, 0);
        TrainingOutcome straight = Training.run(MLP, spec, MOONS, null, TrainingListener.NONE, () -> false);
        assertThat(straight.result().stoppedEarly()).isTrue();
        assertResumesIdentically(MLP, spec, MOONS, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"perceptron", "adaline"})
    void linearModelsResumeBitIdentically(String type) {
        Dataset two = twoClasses();
        assertResumesIdentically(linear(type), linearTraining(4, null), two, 2);
        // The perceptron stops after each of 150 samples, the ADALINE after each of 38 batches: mid-epoch 3 both.
        assertSuspendedRunResumesIdentically(linear(type), linearTraining(4, new EarlyStoppingSpec(50, 0, true)), two,
                type.equals("perceptron") ? 333 : 90);
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRejected() {
        TrainingSpec spec = mlpTraining("adam", null);
        Run first = Run.until(MLP, spec, MOONS, 2);
        ModelSpec wider = new ModelSpec("mlp", "none", true, List.of(new DenseSpec(13, "relu", 0.01, "he_normal", 0)),
                MLP.output(), 0.5);
        assertThatThrownBy(() -> Training.run(wider, spec, MOONS, null, TrainingListener.NONE, () -> false,
                first.resume(spec)))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> Training.run(linear("adaline"), linearTraining(4, null), twoClasses(), null,
                TrainingListener.NONE, () -> false, first.resume(spec)))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("mlp run");
    }

    @Test
    void damagedOrFutureCheckpointsAreRejected() {
        TrainingSpec spec = mlpTraining("adam", null);
        Run first = Run.until(MLP, spec, MOONS, 2);
        byte[] state = first.checkpoint.state();
        byte[] cut = Arrays.copyOf(state, state.length - 7);
        byte[] future = state.clone();
        future[7] = 9;
        byte[] foreign = state.clone();
        foreign[0] = 'X';
        for (byte[] bad : List.of(cut, future, foreign)) {
            Checkpointing c = new Checkpointing(1, new TrainingCheckpoint(2, bad), first.history, x -> { }, () -> false);
            assertThatThrownBy(() -> Training.run(MLP, spec, MOONS, null, TrainingListener.NONE, () -> false, c))
                    .isInstanceOf(CheckpointException.class);
        }
    }

    @Test
    void checkpointingIsValidated() {
        assertThatThrownBy(() -> new Checkpointing(0, null, List.of(), c -> { }, () -> false))
                .hasMessage("checkpointEvery must be >= 1, got 0");
        TrainingCheckpoint cp = new TrainingCheckpoint(3, new byte[] {1});
        assertThatThrownBy(() -> new Checkpointing(1, cp, List.of(), c -> { }, () -> false))
                .hasMessageContaining("epoch 3 but 0 epochs of metrics");
    }

    @Test
    void checkpointsComeEveryNthEpochButNotAfterTheLast() {
        List<Integer> epochs = new ArrayList<>();
        Checkpointing every2 = new Checkpointing(2, null, List.of(), c -> epochs.add(c.epoch()), () -> false);
        Training.run(MLP, mlpTraining("adam", null), MOONS, null, TrainingListener.NONE, () -> false, every2);
        assertThat(epochs).containsExactly(2, 4, 6);
        epochs.clear();
        Training.run(linear("perceptron"), linearTraining(1, null), twoClasses(), null, TrainingListener.NONE,
                () -> false, new Checkpointing(3, null, List.of(), c -> epochs.add(c.epoch()), () -> false));
        assertThat(epochs).containsExactly(3, 6);
    }

    private static void assertResumesIdentically(ModelSpec model, TrainingSpec spec, Dataset data, int at) {
        List<EpochMetrics> straightEpochs = new ArrayList<>();
        TrainingOutcome straight = Training.run(model, spec, data, null, straightEpochs::add, () -> false);
        Run first = Run.until(model, spec, data, at);
        List<EpochMetrics> resumedEpochs = new ArrayList<>();
        TrainingOutcome resumed = Training.run(model, spec, data, null, resumedEpochs::add, () -> false,
                first.resume(spec));
        assertSameRun(straight, straightEpochs, resumed, first.history, resumedEpochs);
    }

    /** Suspends at the {@code boundaries}-th batch boundary, then continues from the suspension checkpoint. */
    private static void assertSuspendedRunResumesIdentically(ModelSpec model, TrainingSpec spec, Dataset data,
                                                             int boundaries) {
        List<EpochMetrics> straightEpochs = new ArrayList<>();
        TrainingOutcome straight = Training.run(model, spec, data, null, straightEpochs::add, () -> false);
        List<EpochMetrics> before = new ArrayList<>();
        List<TrainingCheckpoint> saved = new ArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        BooleanSupplier suspend = () -> asked.incrementAndGet() > boundaries;
        Checkpointing c = new Checkpointing(1, null, List.of(), saved::add, suspend);
        assertThatThrownBy(() -> Training.run(model, spec, data, null, before::add, () -> false, c))
                .isInstanceOf(TrainingSuspendedException.class);
        TrainingCheckpoint last = saved.get(saved.size() - 1);
        assertThat(last.epoch()).isEqualTo(before.size()).isBetween(1, EPOCHS - 1);
        List<EpochMetrics> resumedEpochs = new ArrayList<>();
        TrainingOutcome resumed = Training.run(model, spec, data, null, resumedEpochs::add, () -> false,
                new Checkpointing(1, last, before, x -> { }, () -> false));
        assertSameRun(straight, straightEpochs, resumed, before, resumedEpochs);
    }

    private static void assertSameRun(TrainingOutcome straight, List<EpochMetrics> straightEpochs,
                                      TrainingOutcome resumed, List<EpochMetrics> before, List<EpochMetrics> after) {
        assertThat(after).isNotEmpty();
        assertThat(before.size() + after.size()).isEqualTo(straightEpochs.size());
        assertThat(after.get(0).epoch()).isEqualTo(before.size() + 1);
        for (int i = 0; i < after.size(); i++) {
            EpochMetrics s = straightEpochs.get(before.size() + i);
            EpochMetrics r = after.get(i);
            // Boxed, so NaN (no validation set, no momentum) equals NaN.
            assertThat(Double.valueOf(r.loss())).as("loss of epoch %d", r.epoch()).isEqualTo(Double.valueOf(s.loss()));
            assertThat(Double.valueOf(r.valLoss())).isEqualTo(Double.valueOf(s.valLoss()));
            assertThat(Double.valueOf(r.learningRate())).isEqualTo(Double.valueOf(s.learningRate()));
            assertThat(Double.valueOf(r.momentum())).isEqualTo(Double.valueOf(s.momentum()));
            assertThat(r.gradientNorms()).isEqualTo(s.gradientNorms());
        }
        assertThat(resumed.result().epochsRun()).isEqualTo(straight.result().epochsRun());
        assertThat(resumed.result().bestEpoch()).isEqualTo(straight.result().bestEpoch());
        assertThat(resumed.result().stoppedEarly()).isEqualTo(straight.result().stoppedEarly());
        assertThat(resumed.result().history()).hasSameSizeAs(straight.result().history());
        assertThat(weights(resumed.model())).isEqualTo(weights(straight.model()));
    }

    /** Every float of the model as raw bits, so -0.0 vs 0.0 or NaN payloads would count as a difference. */
    private static int[] weights(TrainedModel model) {
        List<float[]> all = new ArrayList<>();
        if (model.network() != null) {
            model.network().parameters().forEach(p -> all.add(p.value()));
            model.network().buffers().forEach(p -> all.add(p.value()));
        } else {
            all.add(model.linear().weights());
            all.add(new float[] {model.linear().bias()});
        }
        return all.stream().flatMapToInt(v -> java.util.stream.IntStream.range(0, v.length)
                .map(i -> Float.floatToRawIntBits(v[i]))).toArray();
    }

    /** Two linearly non-separable gaussian blobs, so the perceptron keeps updating in every epoch. */
    private static Dataset twoClasses() {
        return Generators.generate(new GeneratorSpec("gaussians", 150, 1.5, 9, 1, 2, 2));
    }

    /** A run cancelled right after the checkpoint of epoch {@code at}: what a crashed node leaves behind. */
    private record Run(TrainingCheckpoint checkpoint, List<EpochMetrics> history) {
        static Run until(ModelSpec model, TrainingSpec spec, Dataset data, int at) {
            List<EpochMetrics> history = new ArrayList<>();
            List<TrainingCheckpoint> saved = new ArrayList<>();
            Checkpointing c = new Checkpointing(1, null, List.of(), saved::add, () -> false);
            // Stops as a crash would: right after the checkpoint of epoch `at`, before anything else.
            Training.run(model, spec, data, null, history::add,
                    () -> !saved.isEmpty() && saved.get(saved.size() - 1).epoch() == at, c);
            TrainingCheckpoint checkpoint = saved.stream().filter(s -> s.epoch() == at).findFirst().orElseThrow();
            return new Run(checkpoint, history.subList(0, at));
        }

        Checkpointing resume(TrainingSpec spec) {
            return new Checkpointing(1, checkpoint, history, x -> { }, () -> false);
        }
    }
}
