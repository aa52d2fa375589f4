package io.widrow.engine.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import io.widrow.engine.features.FeatureMap;
import org.junit.jupiter.api.Test;

class AdalineTest {
    private static final Dataset XOR = Generators.generate(new GeneratorSpec("xor", 4, 0, 1));

    private static double accuracy(Adaline a, Dataset d) {
        int correct = 0;
        for (int r = 0; r < d.rows(); r++) {
            correct += a.predict(d.x(), r) == d.labels()[r] ? 1 : 0;
        }
        return (double) correct / d.rows();
    }

    private static float[] targets(Dataset d) {
        float[] t = new float[d.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = d.labels()[i];
        }
        return t;
    }

    @Test
    void notesOneLmsStep() {
        Adaline a = new Adaline(2);
        a.trainEpoch(new float[] {1, 1}, 2, new float[] {1}, new int[] {0}, 1, 0.1, 1);
        assertThat(a.weights()[0]).isCloseTo(0.1f, within(1e-7f));
        assertThat(a.weights()[1]).isCloseTo(0.1f, within(1e-7f));
        assertThat(a.bias()).isCloseTo(0.1f, within(1e-7f));
    }

    @Test
    void onlineStepsUseTheUpdatedWeights() {
        Adaline a = new Adaline(1);
        // sample 1: z = 0, t − z = 1 → w = 0.1, b = 0.1; sample 2 (x = 2): z = 0.3, t − z = −0.3
        a.trainEpoch(new float[] {1, 2}, 1, new float[] {1, 0}, new int[] {0, 1}, 2, 0.1, 1);
        assertThat(a.weights()[0]).isCloseTo(0.1f - 0.06f, within(1e-7f));
        assertThat(a.bias()).isCloseTo(0.1f - 0.03f, within(1e-7f));
    }

    @Test
    void batchStepAveragesTheGradientWithWeightsHeldFixed() {
        Adaline a = new Adaline(1);
        // both z = 0: ∂E/∂w = −(1·1 + 3·2)/2 = −3.5, ∂E/∂b = −(1 + 3)/2 = −2
        int updates = a.trainEpoch(new float[] {1, 2}, 1, new float[] {1, 3}, new int[] {0, 1}, 2, 0.1, 2);
        assertThat(updates).isEqualTo(1);
        assertThat(a.weights()[0]).isCloseTo(0.35f, within(1e-7f));
        assertThat(a.bias()).isCloseTo(0.2f, within(1e-7f));
        assertThat(a.gradientNorm()).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void notesConstructedXorSolutionWithInteractions() {
        Dataset mapped = FeatureMap.of("interactions").apply(XOR);
        Adaline a = new Adaline(3);
        a.setWeights(new float[] {1, 1, -2}, 0);
        assertThat(a.threshold()).isEqualTo(0.5);
        for (int r = 0; r < 4; r++) {
            float expectedZ = XOR.labels()[r];
            assertThat(a.score(mapped.x(), r)).isEqualTo(expectedZ);
        }
        assertThat(accuracy(a, mapped)).isEqualTo(1.0);
    }

    @Test
    void learnsXorWithInteractionsButNotWithout() {
        int[] order = {0, 1, 2, 3};
        Dataset mapped = FeatureMap.of("interactions").apply(XOR);
        Adaline withMap = new Adaline(3);
        Adaline plain = new Adaline(2);
        double plainBest = 0;
        for (int e = 0; e < 2000; e++) {
            withMap.trainEpoch(mapped.x(), 3, targets(XOR), order, 4, 0.1, 1);
            plain.trainEpoch(XOR.x(), 2, targets(XOR), order, 4, 0.1, 1);
            plainBest = Math.max(plainBest, accuracy(plain, XOR));
        }
        assertThat(accuracy(withMap, mapped)).isEqualTo(1.0);
        assertThat(withMap.weights()[2]).isNegative();
        assertThat(plainBest).isLessThan(1.0);
    }

    @Test
    void thresholdIsSettableAndChecked() {
        Adaline a = new Adaline(1);
        a.setWeights(new float[] {1}, 0);
        float[] x = {0.2f};
        assertThat(a.predict(x, 0)).isZero();
        a.setThreshold(0);
        assertThat(a.predict(x, 0)).isEqualTo(1);
        assertThatThrownBy(() -> a.setThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> a.trainEpoch(x, 1, new float[1], new int[1], 1, 0.1, 0))
                .hasMessageContaining("got 0");
    }
}
