package io.widrow.engine.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.data.GeneratorSpec;
import io.widrow.engine.data.Generators;
import org.junit.jupiter.api.Test;

class PerceptronTest {
    private static final Dataset AND = Generators.generate(new GeneratorSpec("and", 4, 0, 1));
    private static final Dataset XOR = Generators.generate(new GeneratorSpec("xor", 4, 0, 1));
    private static final int[] ORDER = {0, 1, 2, 3};

    private static double accuracy(Perceptron p, Dataset d) {
        int correct = 0;
        for (int r = 0; r < d.rows(); r++) {
            correct += p.predict(d.x(), r) == d.labels()[r] ? 1 : 0;
        }
        return (double) correct / d.rows();
    }

    @Test
    void learnsAndUntilNoMoreMistakes() {
        Perceptron p = new Perceptron(2);
        assertThat(accuracy(p, AND)).isLessThan(1);
        int epochs = 0;
        while (p.trainEpoch(AND.x(), 2, AND.labels(), ORDER, 4, 0.1) > 0) {
            epochs++;
            assertThat(epochs).as("converges (AND is linearly separable)").isLessThan(100);
        }
        assertThat(accuracy(p, AND)).isEqualTo(1.0);
        assertThat(p.trainEpoch(AND.x(), 2, AND.labels(), ORDER, 4, 0.1)).isZero();
    }

    @Test
    void notesParametersClassifyAnd() {
        Perceptron p = new Perceptron(2);
        p.setWeights(new float[] {1, 1}, -1.5f);
        float[] corners = {0, 0, 0, 1, 1, 0, 1, 1};
        assertThat(new int[] {p.predict(corners, 0), p.predict(corners, 1), p.predict(corners, 2), p.predict(corners, 3)})
                .containsExactly(0, 0, 0, 1);
        assertThat(p.score(corners, 3)).isEqualTo(0.5f);
        assertThat(accuracy(p, AND)).isEqualTo(1.0);
    }

    @Test
    void stepIsOneAtZero() {
        Perceptron p = new Perceptron(1);
        assertThat(p.predict(new float[] {5}, 0)).isEqualTo(1);
        p.setWeights(new float[] {0}, -0.001f);
        assertThat(p.predict(new float[] {5}, 0)).isZero();
    }

    @Test
    void updatesOnlyMisclassifiedSamplesByTheRule() {
        Perceptron p = new Perceptron(2);
        float[] x = {2, 3};
        // H(0) = 1 = t: no update
        assertThat(p.trainEpoch(x, 2, new int[] {1}, new int[] {0}, 1, 0.5)).isZero();
        assertThat(p.weights()).containsExactly(0, 0);
        // t = 0, y = 1: w ← w + 0.5·(−1)·x, b ← b − 0.5
        assertThat(p.trainEpoch(x, 2, new int[] {0}, new int[] {0}, 1, 0.5)).isEqualTo(1);
        assertThat(p.weights()).containsExactly(-1, -1.5f);
        assertThat(p.bias()).isEqualTo(-0.5f);
        assertThat(p.gradientNorm()).isEqualTo(Math.sqrt(13));
    }

    @Test
    void cannotLearnXor() {
        Perceptron p = new Perceptron(2);
        double bestAccuracy = 0;
        for (int e = 0; e < 1000; e++) {
            p.trainEpoch(XOR.x(), 2, XOR.labels(), ORDER, 4, 0.1);
            bestAccuracy = Math.max(bestAccuracy, accuracy(p, XOR));
        }
        assertThat(bestAccuracy).isLessThan(1.0);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> new Perceptron(0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new Perceptron(2).trainEpoch(AND.x(), 3, AND.labels(), ORDER, 4, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 columns");
    }
}
