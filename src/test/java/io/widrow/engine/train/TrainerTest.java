package io.widrow.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The training loop's contract: metrics, validation, early stopping, cancellation, batching modes. */
class TrainerTest {
    private static final Dataset MOONS = Generators.generate(new GeneratorSpec("moons", 300, 0.1, 3));

    private static TrainingSpec spec(int epochs, int batch, EarlyStoppingSpec early, double split) {
        return new TrainingSpec(epochs, batch, true, false, 1, OptimizerSpec.of("adam", 0.01), ScheduleSpec.constant(),
                GradientClipSpec.NONE, early, split, 0);
    }

    @Test
    void listenerGetsFullMetricsForEveryEpoch() {
        List<EpochMetrics> seen = new ArrayList<>();
        Training.run(Specs.reluMlp(true, 8, 8), spec(4, 32, null, 0.2), MOONS, null, seen::add, () -> false);
        assertThat(seen).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4);
        EpochMetrics m = seen.get(3);
        assertThat(m.loss()).isPositive();
        assertThat(m.accuracy()).isBetween(0.0, 1.0);
        assertThat(m.valLoss()).isPositive();
        assertThat(m.valAccuracy()).isBetween(0.0, 1.0);
        assertThat(m.learningRate()).isEqualTo(0.01);
        assertThat(m.gradientNorms()).hasSize(3);
        assertThat(java.util.Arrays.stream(m.gradientNorms()).allMatch(g -> g > 0)).isTrue();
        assertThat(m.weightNorms()).hasSize(3);
        assertThat(java.util.Arrays.stream(m.weightNorms()).allMatch(w -> w > 0)).isTrue();
        assertThat(m.samplesPerSecond()).isPositive();
        assertThat(seen.get(3).loss()).isLessThan(seen.get(0).loss());
    }

    @Test
    void noValidationMeansNaNValidationFigures() {
        List<EpochMetrics> seen = new ArrayList<>();
        Training.run(Specs.reluMlp(true, 4), spec(1, 32, null, 0), MOONS, null, seen::add, () -> false);
        assertThat(seen.get(0).valLoss()).isNaN();
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestEpoch() {
        TrainingSpec s = new TrainingSpec(200, 32, true, false, 1, OptimizerSpec.of("adam", 0.05), ScheduleSpec.constant(),
                GradientClipSpec.NONE, new EarlyStoppingSpec(3, 0.0, true), 0.3, 0);
        TrainingOutcome out = Training.run(Specs.reluMlp(true, 16), s, MOONS, null, TrainingListener.NONE, () -> false);
        assertThat(out.result().stoppedEarly()).isTrue();
        assertThat(out.result().epochsRun()).isLessThan(200);
        List<EpochMetrics> h = out.result().history();
        double bestVal = h.stream().mapToDouble(EpochMetrics::valLoss).min().orElseThrow();
        assertThat(h.get(out.result().bestEpoch() - 1).valLoss()).isEqualTo(bestVal);
        assertThat(out.result().epochsRun() - out.result().bestEpoch()).isEqualTo(3);
    }

    @Test
    void cancellationStopsBetweenBatches() {
        AtomicInteger checks = new AtomicInteger();
        TrainingOutcome out = Training.run(Specs.reluMlp(true, 8), spec(100, 10, null, 0), MOONS, null,
                TrainingListener.NONE, () -> checks.incrementAndGet() > 5);
        assertThat(out.result().cancelled()).isTrue();
        assertThat(out.model()).isNull();
        assertThat(out.result().epochsRun()).isZero();
    }

    @Test
    void onlineMiniAndFullBatchAllTrain() {
        for (int batch : new int[] {1, 16, 0}) {
            TrainingOutcome out = Training.run(Specs.reluMlp(true, 8), spec(5, batch, null, 0), MOONS, null,
                    TrainingListener.NONE, () -> false);
            List<EpochMetrics> h = out.result().history();
            assertThat(h.get(h.size() - 1).loss()).as("batch %d", batch).isLessThan(h.get(0).loss());
        }
    }

    @Test
    void stratifiedBatchesKeepClassProportions() {
        Dataset unbalanced = MOONS.subset(java.util.stream.IntStream.range(0, MOONS.rows())
                .filter(i -> MOONS.labels()[i] == 0 || i % 3 == 0).toArray());
        BatchOrder order = new BatchOrder(unbalanced.rows(), unbalanced.labels(), 2, true, true, new io.widrow.engine.tensor.Rng(1));
        order.nextEpoch();
        int[] counts = unbalanced.classCounts();
        double share = (double) counts[1] / unbalanced.rows();
        int[] idx = order.order();
        for (int from = 0; from + 20 <= idx.length; from += 20) {
            int ones = 0;
            for (int i = from; i < from + 20; i++) {
                ones += unbalanced.labels()[idx[i]];
            }
            assertThat(ones).isBetween((int) Math.floor(share * 20) - 1, (int) Math.ceil(share * 20) + 1);
        }
        assertThat(java.util.Arrays.stream(idx).sorted().toArray())
                .containsExactly(java.util.stream.IntStream.range(0, unbalanced.rows()).toArray());
    }

    @Test
    void divergenceIsReportedWithTheEpoch() {
        TrainingSpec s = new TrainingSpec(5, 300, false, false, 1, OptimizerSpec.of("sgd", 1e30), ScheduleSpec.constant(),
                GradientClipSpec.NONE, null, 0, 0);
        assertThatThrownBy(() -> Training.run(Specs.reluMlp(false, 8), s, MOONS, null, TrainingListener.NONE, () -> false))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("diverged at epoch");
    }

    @Test
    void linearScalingRuleMultipliesTheLearningRate() {
        TrainingSpec s = new TrainingSpec(1, 64, true, false, 1, OptimizerSpec.of("sgd", 0.1), ScheduleSpec.constant(),
                GradientClipSpec.NONE, null, 0, 32);
        assertThat(s.scaledLearningRate(300)).isEqualTo(0.2);
    }
}
