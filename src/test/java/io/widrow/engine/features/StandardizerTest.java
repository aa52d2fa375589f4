package io.widrow.engine.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.data.Dataset;
import io.widrow.engine.tensor.Rng;
import org.junit.jupiter.api.Test;

class StandardizerTest {
    private static Dataset skewed(int rows) {
        Rng rng = new Rng(11);
        float[] x = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            x[3 * r] = (float) (1000 + 5 * rng.nextGaussian());
            x[3 * r + 1] = (float) (0.001 * rng.nextDouble());
            x[3 * r + 2] = 7;
        }
        return Dataset.regression(x, rows, 3, Dataset.defaultFeatureNames(3), new float[rows], 1);
    }

    private static double[] column(float[] x, int rows, int cols, int c) {
        double mean = 0;
        for (int r = 0; r < rows; r++) {
            mean += x[r * cols + c];
        }
        mean /= rows;
        double var = 0;
        for (int r = 0; r < rows; r++) {
            double d = x[r * cols + c] - mean;
            var += d * d;
        }
        return new double[] {mean, Math.sqrt(var / rows)};
    }

    @Test
    void fittedColumnsHaveMeanZeroAndStdOne() {
        Dataset d = skewed(2000);
        Standardizer s = Standardizer.fit(d);
        Dataset z = s.apply(d);
        for (int c = 0; c < 2; c++) {
            double[] stats = column(z.x(), z.rows(), 3, c);
            assertThat(stats[0]).as("mean of column %d", c).isCloseTo(0, within(1e-4));
            assertThat(stats[1]).as("std of column %d", c).isCloseTo(1, within(1e-4));
        }
        // a constant column has σ = 0: ε keeps it at 0 rather than NaN
        assertThat(column(z.x(), z.rows(), 3, 2)).containsExactly(0, 0);
        assertThat(s.means()[0]).isCloseTo(1000, within(0.5));
        assertThat(s.stds()[0]).isCloseTo(5, within(0.5));
        assertThat(d.feature(0, 0)).isGreaterThan(900f);
    }

    @Test
    void populationStdOnAKnownColumn() {
        float[] x = {1, 2, 3, 4};
        Standardizer s = Standardizer.fit(x, 4, 1);
        assertThat(s.means()).containsExactly(2.5);
        assertThat(s.stds()[0]).isCloseTo(Math.sqrt(1.25), within(1e-12));
        s.applyInPlace(x, 4);
        assertThat(x[0]).isCloseTo((float) (-1.5 / (Math.sqrt(1.25) + Standardizer.EPSILON)), within(1e-6f));
    }

    @Test
    void roundTripFromStoredStatistics() {
        Dataset d = skewed(100);
        Standardizer fitted = Standardizer.fit(d);
        Standardizer restored = new Standardizer(fitted.means(), fitted.stds());
        assertThat(restored.apply(d).x()).containsExactly(fitted.apply(d).x());
        float[] buf = d.x().clone();
        restored.applyInPlace(buf, d.rows());
        assertThat(buf).containsExactly(fitted.apply(d).x());
    }

    @Test
    void rejectsInconsistentStatistics() {
        assertThatThrownBy(() -> new Standardizer(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 means but 3");
        assertThatThrownBy(() -> new Standardizer(new double[] {0}, new double[] {-1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
        Standardizer s = new Standardizer(new double[] {0, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> s.apply(skewed(3))).hasMessageContaining("2 features, data has 3");
    }
}
