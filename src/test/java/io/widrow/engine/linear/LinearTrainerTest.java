package io.widrow.engine.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.features.FeatureMap;
import io.widrow.engine.tensor.Rng;
import io.widrow.engine.train.EarlyStoppingSpec;
import io.widrow.engine.train.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LinearTrainerTest {
    private static final Dataset BLOBS = Generators.generate(new GeneratorSpec("gaussians", 200, 0.5, 3));
    private static final Dataset BLOBS_VAL = Generators.generate(new GeneratorSpec("gaussians", 100, 0.5, 4));

    private static LinearTrainingResult train(String model, Dataset d, int epochs, int batch, long seed) {
        return new LinearTrainer(Specs.training(epochs, batch, 0.01, seed), null, null).train(model, d, null, 0.5);
    }

    @Test
    void sameSeedSameWeights_otherSeedOtherWeights() {
        for (String model : new String[] {"perceptron", "adaline"}) {
            LinearTrainingResult a = train(model, BLOBS, 5, 1, 7);
            LinearTrainingResult b = train(model, BLOBS, 5, 1, 7);
            LinearTrainingResult c = train(model, BLOBS, 5, 1, 8);
            assertThat(a.weights()).as(model).containsExactly(b.weights());
            assertThat(a.bias()).isEqualTo(b.bias());
            assertThat(a.weights()).as(model).isNotEqualTo(c.weights());
        }
    }

    @Test
    void listenerGetsOneCallPerEpochNumberedFromOne() {
        List<EpochMetrics> seen = new ArrayList<>();
        LinearTrainingResult r = new LinearTrainer(Specs.training(6, 16, 0.01, 1), seen::add, null)
                .train("adaline", BLOBS, BLOBS_VAL, 0.5);
        assertThat(seen).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r.epochsRun()).isEqualTo(6);
        assertThat(r.cancelled()).isFalse();
        assertThat(r.earlyStopped()).isFalse();
        EpochMetrics last = seen.get(5);
        assertThat(last.loss()).isLessThan(seen.get(0).loss());
        assertThat(last.accuracy()).isGreaterThan(0.9);
        assertThat(last.valLoss()).isFinite();
        assertThat(last.valAccuracy()).isGreaterThan(0.9);
        assertThat(last.learningRate()).isEqualTo(0.01);
        assertThat(last.momentum()).isNaN();
        assertThat(last.gradientNorms()).hasSize(1);
        assertThat(last.gradientNorms()[0]).isPositive();
        assertThat(last.weightNorms()[0]).isCloseTo(Math.hypot(r.weights()[0], r.weights()[1]), within(1e-6));
        assertThat(last.seconds()).isPositive();
    }

    @Test
    void perceptronMetricsAreMisclassificationRates() {
        List<EpochMetrics> seen = new ArrayList<>();
        Dataset and = Generators.generate(new GeneratorSpec("and", 4, 0, 1));
        LinearTrainingResult r = new LinearTrainer(Specs.training(50, 1, 0.1, 1), seen::add, null)
                .train("perceptron", and, null, 0.5);
        EpochMetrics last = seen.get(seen.size() - 1);
        assertThat(last.loss()).isZero();
        assertThat(last.accuracy()).isEqualTo(1.0);
        assertThat(last.valLoss()).isNaN();
        assertThat(r.threshold()).isZero();
        for (EpochMetrics m : seen) {
            assertThat(m.loss() * 4).isCloseTo(Math.rint(m.loss() * 4), within(1e-12));
            assertThat(m.accuracy()).isCloseTo(1 - m.loss(), within(1e-12));
        }
    }

    @Test
    void adalineWithInteractionsLearnsXorThroughTheTrainer() {
        Dataset xor = FeatureMap.of("interactions").apply(Generators.generate(new GeneratorSpec("xor", 40, 0, 1)));
        List<EpochMetrics> seen = new ArrayList<>();
        LinearTrainingResult r = new LinearTrainer(Specs.training(300, 1, 0.05, 2), seen::add, null)
                .train("adaline", xor, null, 0.5);
        assertThat(seen.get(seen.size() - 1).accuracy()).isEqualTo(1.0);
        assertThat(r.weights()[0]).isCloseTo(1, within(0.1f));
        assertThat(r.weights()[2]).isCloseTo(-2, within(0.2f));
    }

    @Test
    void cancellationStopsBetweenSamples() {
        AtomicInteger checks = new AtomicInteger();
        LinearTrainingResult r = new LinearTrainer(Specs.training(100, 1, 0.01, 1), null,
                () -> checks.incrementAndGet() > 250).train("perceptron", BLOBS, null, 0.5);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.epochsRun()).isEqualTo(1);
        assertThat(checks.get()).isEqualTo(251);
    }

    @Test
    void cancellationFromTheListenerEndsAfterThatEpoch() {
        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> epochs = new ArrayList<>();
        LinearTrainingResult r = new LinearTrainer(Specs.training(100, 0, 0.01, 1), m -> {
            epochs.add(m.epoch());
            stop.set(m.epoch() == 3);
        }, stop::get).train("adaline", BLOBS, null, 0.5);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.epochsRun()).isEqualTo(3);
        assertThat(epochs).containsExactly(1, 2, 3);
    }

    @Test
    void earlyStoppingEndsWhenTheLossStopsImproving() {
        Dataset and = Generators.generate(new GeneratorSpec("and", 4, 0, 1));
        List<EpochMetrics> seen = new ArrayList<>();
        LinearTrainingResult r = new LinearTrainer(
                Specs.training(500, 1, 0.1, 1, false, new EarlyStoppingSpec(3, 0, true)), seen::add, null)
                .train("perceptron", and, null, 0.5);
        assertThat(r.earlyStopped()).isTrue();
        assertThat(r.epochsRun()).isLessThan(500).isEqualTo(seen.size());
        assertThat(r.bestEpoch()).isEqualTo(r.epochsRun() - 3);
        assertThat(seen.get(r.bestEpoch() - 1).loss()).isZero();
    }

    @Test
    void adalineFitsARegressionLine() {
        Rng rng = new Rng(5);
        float[] x = new float[100];
        float[] t = new float[100];
        for (int i = 0; i < 100; i++) {
            x[i] = (float) rng.uniform(-1, 1);
            t[i] = 2 * x[i] + 1;
        }
        Dataset d = Dataset.regression(x, 100, 1, new String[] {"x1"}, t, 1);
        LinearTrainingResult r = new LinearTrainer(Specs.training(200, 10, 0.1, 1), null, null)
                .train("adaline", d, null, 0.5);
        assertThat(r.weights()[0]).isCloseTo(2, within(1e-3f));
        assertThat(r.bias()).isCloseTo(1, within(1e-3f));
        assertThat(r.threshold()).isNaN();
    }

    @Test
    void rejectsProblemsALinearUnitCannotTake() {
        Dataset three = Generators.generate(new GeneratorSpec("gaussians", 30, 0, 1, 1, 2, 3));
        LinearTrainer trainer = new LinearTrainer(Specs.training(1, 1, 0.1, 1), null, null);
        assertThatThrownBy(() -> trainer.train("perceptron", three, null, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perceptron needs exactly 2 classes, got 3");
        assertThatThrownBy(() -> trainer.train("adaline", three, null, 0.5))
                .hasMessageContaining("adaline needs exactly 2 classes, got 3");
        Dataset reg2 = Dataset.regression(new float[4], 2, 2, new String[] {"a", "b"}, new float[4], 2);
        assertThatThrownBy(() -> trainer.train("adaline", reg2, null, 0.5)).hasMessageContaining("got 2");
        assertThatThrownBy(() -> trainer.train("perceptron", reg2, null, 0.5)).hasMessageContaining("regression");
        assertThatThrownBy(() -> trainer.train("mlp", BLOBS, null, 0.5)).hasMessageContaining("'mlp'");
        Dataset mapped = FeatureMap.of("interactions").apply(BLOBS_VAL);
        assertThatThrownBy(() -> trainer.train("adaline", BLOBS, mapped, 0.5))
                .hasMessageContaining("validation set has 3 features");
    }
}
