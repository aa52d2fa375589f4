package io.widrow.engine.tensor;

/** The obvious triple loop in double precision, and the tolerance every fast kernel must meet. */
final class GemmReference {
    private GemmReference() {
    }

    /** A(i,p) for the given form; see {@link GemmKernel}. */
    static float a(int form, float[] a, int m, int k, int i, int p) {
        return form == GemmKernel.TN ? a[p * m + i] : a[i * k + p];
    }

    static float b(int form, float[] b, int k, int n, int p, int j) {
        return form == GemmKernel.NT ? b[j * k + p] : b[p * n + j];
    }

    /** Asserts c equals op(A)·op(B) within 1e-4 of the dot product's magnitude Σ|a·b| (plus a hair). */
    static void check(int form, float[] a, float[] b, float[] c, int m, int k, int n, String what) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    double t = (double) a(form, a, m, k, i, p) * b(form, b, k, n, p, j);
                    sum += t;
                    mag += Math.abs(t);
                }
                double err = Math.abs(c[i * n + j] - sum);
                if (err > 1e-4 * mag + 1e-30) {
                    throw new AssertionError(what + ": C(" + i + "," + j + ") = " + c[i * n + j]
                            + " but reference is " + sum + " (|terms| " + mag + ")");
                }
            }
        }
    }
}
