package io.widrow.engine.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.tensor.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InitializersTest {
    private static final int FAN_IN = 400;
    private static final int FAN_OUT = 500;

    private static float[] init(String name, double alpha, long seed) {
        float[] w = new float[FAN_IN * FAN_OUT];
        Initializers.create(name, 0.25, alpha).initialize(w, FAN_IN, FAN_OUT, new Rng(seed));
        return w;
    }

    private static double mean(float[] w) {
        double s = 0;
        for (float v : w) {
            s += v;
        }
        return s / w.length;
    }

    private static double variance(float[] w) {
        double m = mean(w);
        double s = 0;
        for (float v : w) {
            s += (v - m) * (v - m);
        }
        return s / w.length;
    }

    @ParameterizedTest
    @CsvSource({
        "xavier_uniform, 0,   0.0022222222", // 2 / (400 + 500)
        "xavier_normal,  0,   0.0022222222",
        "he_normal,      0,   0.005", // 2 / 400
        "he_uniform,     0,   0.005",
        "he_normal,      0.5, 0.004", // 2 / ((1 + 0.25)·400)
        "he_uniform,     0.5, 0.004",
        "orthogonal,     0,   0.002" // 400 orthonormal columns' worth of energy spread over 500×400: 1/500
    })
    void meanAndVarianceMatchTheFormula(String name, double alpha, double expectedVariance) {
        float[] w = init(name, alpha, 42);
        assertThat(mean(w)).isCloseTo(0, within(0.01 * Math.sqrt(expectedVariance)));
        assertThat(variance(w)).isCloseTo(expectedVariance, within(0.03 * expectedVariance));
    }

    @Test
    void uniformLimitsIncludeTheLeakyGain() {
        double limit = Math.sqrt(6 / (1.25 * FAN_IN)); // α = 0.5: gain² = 2 / 1.25
        float[] w = init("he_uniform", 0.5, 3);
        double max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(max).isLessThanOrEqualTo(limit).isGreaterThan(0.99 * limit);
    }

    @ParameterizedTest
    @CsvSource({"30, 50", "50, 30", "20, 20"})
    void orthogonalRowsOrColumnsAreOrthonormal(int fanOut, int fanIn) {
        float[] w = new float[fanOut * fanIn];
        new Orthogonal().initialize(w, fanIn, fanOut, new Rng(9));
        boolean rows = fanOut <= fanIn;
        int count = rows ? fanOut : fanIn;
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < count; j++) {
                double dot = 0;
                for (int k = 0; k < (rows ? fanIn : fanOut); k++) {
                    dot += rows ? w[i * fanIn + k] * w[j * fanIn + k] : w[k * fanIn + i] * w[k * fanIn + j];
                }
                assertThat(dot).as("(%d, %d)", i, j).isCloseTo(i == j ? 1 : 0, within(1e-5));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xavier_uniform", "xavier_normal", "he_normal", "he_uniform", "orthogonal"})
    void sameSeedSameWeightsOtherSeedOtherWeights(String name) {
        // Arrays.equals: AssertJ's element-wise array assertions are very slow on 200k elements
        assertThat(Arrays.equals(init(name, 0, 7), init(name, 0, 7))).isTrue();
        assertThat(Arrays.equals(init(name, 0, 8), init(name, 0, 7))).isFalse();
    }

    @Test
    void zerosAndConstantDrawNothing() {
        Rng rng = new Rng(1);
        float[] w = new float[6];
        Initializers.create("constant", 0.25, 0).initialize(w, 3, 2, rng);
        assertThat(w).containsOnly(0.25f);
        Initializers.create("zeros", 0.25, 0).initialize(w, 3, 2, rng);
        assertThat(w).containsOnly(0f);
        assertThat(rng.state()).isEqualTo(new Rng(1).state());
    }

    @Test
    void namesRoundTrip() {
        for (String name : Initializers.NAMES) {
            Initializers.requireKnown(name);
            assertThat(Initializers.create(name, 0, 0).name()).isEqualTo(name);
        }
    }

    @Test
    void unknownNameIsEchoedWithTheChoices() {
        assertThatThrownBy(() -> Initializers.requireKnown("glorot"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'glorot'")
                .hasMessageContaining(
                        "[xavier_uniform, xavier_normal, he_normal, he_uniform, orthogonal, zeros, constant]");
        assertThatThrownBy(() -> Initializers.create(null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Initializers.create("he_normal", 0, Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void shapeMismatchIsRejected() {
        assertThatThrownBy(() -> new XavierNormal().initialize(new float[5], 2, 3, new Rng(1)))
                .hasMessageContaining("5 weights as 3x2");
    }
}
