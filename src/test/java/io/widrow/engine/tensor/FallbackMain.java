package io.widrow.engine.tensor;

/** Run in a child JVM without {@code --add-modules jdk.incubator.vector} by {@link GemmTest}. */
public final class FallbackMain {
    private FallbackMain() {
    }

    public static void main(String[] args) {
        System.out.println("implementation=" + Gemm.implementation());
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        Matrix a = new Matrix(GemmEngineTest.random(rnd, 130 * 70), 130, 70);
        Matrix w = new Matrix(GemmEngineTest.random(rnd, 90 * 70), 90, 70);
        Matrix z = new Matrix(130, 90);
        Gemm.matmulTransB(a, w, z);
        GemmReference.check(GemmKernel.NT, a.data(), w.data(), z.data(), 130, 70, 90, "fallback");
        System.out.println("ok");
    }
}
