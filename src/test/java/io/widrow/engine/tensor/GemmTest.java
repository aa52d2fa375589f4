package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The public static API and the choice of path. */
class GemmTest {
    @Test
    void matrixFormsMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(5);
        Matrix a = new Matrix(GemmEngineTest.random(rnd, 37 * 50), 37, 50);
        Matrix w = new Matrix(GemmEngineTest.random(rnd, 21 * 50), 21, 50);
        Matrix z = new Matrix(37, 21);
        Gemm.matmulTransB(a, w, z);
        GemmReference.check(GemmKernel.NT, a.data(), w.data(), z.data(), 37, 50, 21, "A·Bᵀ");
        Matrix dw = new Matrix(21, 50);
        Gemm.matmulTransA(z, a, dw);
        GemmReference.check(GemmKernel.TN, z.data(), a.data(), dw.data(), 21, 37, 50, "Aᵀ·B");
        Matrix da = new Matrix(37, 50);
        Gemm.matmul(z, w, da);
        GemmReference.check(GemmKernel.NN, z.data(), w.data(), da.data(), 37, 21, 50, "A·B");
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        Matrix c = Matrix.of(new float[] {3, 4});
        Gemm.matmul(new Matrix(1, 0), new Matrix(0, 2), c);
        assertThat(c.data()).containsExactly(0f, 0f);
    }

    @Test
    void shapeMismatchIsRejected() {
        assertThatThrownBy(() -> Gemm.matmul(new Matrix(2, 3), new Matrix(4, 5), new Matrix(2, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A·B");
    }

    @Test
    void rawArraysTooShortAreRejectedAndThePoolStaysUsable() {
        float[] c = new float[256 * 256];
        assertThatThrownBy(() -> Gemm.matmul(new float[10], new float[256 * 256], c, 256, 256, 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        Matrix a = new Matrix(GemmEngineTest.random(new SplittableRandom(9), 256 * 256), 256, 256);
        Matrix out = new Matrix(256, 256);
        Gemm.matmul(a, a, out);
        GemmReference.check(GemmKernel.NN, a.data(), a.data(), out.data(), 256, 256, 256, "after a rejected call");
    }

    @Test
    void implementationNamesThePathAndThreads() {
        String expected = GemmEngine.vectorAvailable() ? "vector-" : "portable";
        assertThat(Gemm.implementation()).startsWith(expected).contains(" x");
    }

    @Test
    void systemPropertiesForceThePath() {
        String oldPath = System.getProperty("widrow.engine.gemm");
        String oldThreads = System.getProperty("widrow.engine.threads");
        try {
            System.setProperty("widrow.engine.gemm", "portable");
            System.setProperty("widrow.engine.threads", "1");
            assertThat(GemmEngine.fromSystemProperties().implementation()).isEqualTo("portable x1 thread");
            System.setProperty("widrow.engine.gemm", "bogus");
            assertThat(GemmEngine.fromSystemProperties().implementation()).startsWith("portable");
        } finally {
            restore("widrow.engine.gemm", oldPath);
            restore("widrow.engine.threads", oldThreads);
        }
    }

    @Test
    void aJvmWithoutTheVectorModuleFallsBackToPortable() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(null);
        assumeTrue(java != null, "cannot locate the java launcher");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                FallbackMain.class.getName()))
                .redirectErrorStream(true)
                .directory(Path.of(".").toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("implementation=portable").contains("ok");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
