package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A kernel asked for a k-range sums exactly that range (the pool's k split depends on it). */
class GemmKRangeTest {
    @ParameterizedTest
    @ValueSource(strings = {"portable", "vector"})
    void sumsOnlyTheRequestedRange(String path) {
        assumeTrue(!path.equals("vector") || GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        GemmKernel kernel = path.equals("vector") ? vectorKernel() : new PortableGemm();
        SplittableRandom rnd = new SplittableRandom(11);
        int[][] shapes = {{128, 784, 256}, {7, 300, 65}, {1, 200, 33}, {13, 129, 10}, {6, 64, 64}, {2, 17, 3}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            for (int form = 0; form < 3; form++) {
                float[] a = GemmEngineTest.random(rnd, m * k);
                float[] b = GemmEngineTest.random(rnd, k * n);
                int p0 = rnd.nextInt(k);
                int p1 = p0 + 1 + rnd.nextInt(k - p0);
                float[] c = GemmEngineTest.random(rnd, m * n);
                kernel.compute(form, a, b, c, m, k, n, 0, m, 0, n, p0, p1, new Workspace());
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double want = 0;
                        for (int p = p0; p < p1; p++) {
                            double x = form == GemmKernel.TN ? a[p * m + i] : a[i * k + p];
                            double y = form == GemmKernel.NT ? b[j * k + p] : b[p * n + j];
                            want += x * y;
                        }
                        assertThat((double) c[i * n + j]).as("%s form %d %dx%dx%d k[%d,%d) at (%d,%d)", path, form, m, k, n,
                                p0, p1, i, j).isCloseTo(want, within(1e-4 * (p1 - p0) + 1e-5));
                    }
                }
            }
        }
    }

    @Test
    void onlyTheFirstLayersShapeOfProductIsSplitAlongK() {
        assertThat(GemmPool.splitsK(GemmKernel.NN, 128, 784, 256, 2)).isTrue();
        assertThat(GemmPool.splitsK(GemmKernel.NN, 128, 256, 128, 2)).isTrue();
        assertThat(GemmPool.splitsK(GemmKernel.TN, 784, 128, 256, 2)).as("Aᵀ·B").isFalse();
        assertThat(GemmPool.splitsK(GemmKernel.NN, 128, 128, 256, 2)).as("k < n").isFalse();
        assertThat(GemmPool.splitsK(GemmKernel.NN, 4, 784, 256, 2)).as("fewer rows than a tile").isFalse();
        assertThat(GemmPool.splitsK(GemmKernel.NN, 10_000, 784, 256, 2)).as("a large prediction batch: C too big to copy")
                .isFalse();
        assertThat(GemmPool.splitsK(GemmKernel.NN, 128, 784, 256, 1)).as("one thread").isFalse();
    }

    private static GemmKernel vectorKernel() {
        try {
            return (GemmKernel) Class.forName("io.widrow.engine.tensor.VectorGemm").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
