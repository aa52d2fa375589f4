package io.widrow.engine.tensor;

/**
 * Element-wise kernels on the same path as {@link Gemm} (vector when the JVM has
 * {@code jdk.incubator.vector} and the GEMM path is not forced portable).
 */
public final class Elementwise {
    private Elementwise() {
    }

    /**
     * Overwrites {@code out[0..n)} with the leaky-ReLU backward pass: g where z &gt; 0, else slope·g
     * (slope 0 gives +0.0). {@code out} may be {@code g}.
     */
    public static void reluBackward(float[] z, float[] g, float[] out, int n, float slope) {
        if (z.length < n || g.length < n || out.length < n) {
            throw new IllegalArgumentException("arrays shorter than " + n + ": z " + z.length + ", g " + g.length
                    + ", out " + out.length);
        }
        Gemm.engine().elements().reluBackward(z, g, out, n, slope);
    }

    /** Σ v[i]² over the first n elements; float products summed in blocks, blocks in double. */
    public static double sumOfSquares(float[] v, int n) {
        if (v.length < n) {
            throw new IllegalArgumentException("array shorter than " + n + ": " + v.length);
        }
        return Gemm.engine().elements().sumOfSquares(v, n);
    }
}
