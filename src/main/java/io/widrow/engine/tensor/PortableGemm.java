package io.widrow.engine.tensor;

/**
 * The scalar path for JVMs started without {@code jdk.incubator.vector}. A 4×4 tile of C lives in
 * sixteen scalar registers across the whole k loop: each step loads four A and four B values for
 * sixteen multiply-adds (every B load shared by four rows, every A load by four columns) and stores
 * nothing. Operands are read through strides, so Aᵀ and Bᵀ cost no transpose copy.
 */
final class PortableGemm implements GemmKernel {
    @Override
    public void compute(int form, float[] a, float[] b, float[] c, int m, int k, int n,
                        int i0, int i1, int j0, int j1, int p0, int p1, Workspace ws) {
        // A(i, p) = a[i*ra + p*ca]; B(p, j) = b[p*rb + j*cb]. Starting both at p0 and running p1 - p0
        // steps restricts the sum to the k-range.
        int ra = form == TN ? 1 : k;
        int ca = form == TN ? m : 1;
        int rb = form == NT ? 1 : n;
        int cb = form == NT ? k : 1;
        int a0 = p0 * ca;
        int b0 = p0 * rb;
        int kr = p1 - p0;
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = j0;
            for (; j + 4 <= j1; j += 4) {
                tile4x4(a, a0 + i * ra, ra, ca, b, b0 + j * cb, rb, cb, c, i * n + j, n, kr);
            }
            for (; j < j1; j++) {
                for (int r = 0; r < 4; r++) {
                    c[(i + r) * n + j] = dot(a, a0 + (i + r) * ra, ca, b, b0 + j * cb, rb, kr);
                }
            }
        }
        for (; i < i1; i++) {
            int j = j0;
            for (; j + 4 <= j1; j += 4) {
                row1x4(a, a0 + i * ra, ca, b, b0 + j * cb, rb, cb, c, i * n + j, kr);
            }
            for (; j < j1; j++) {
                c[i * n + j] = dot(a, a0 + i * ra, ca, b, b0 + j * cb, rb, kr);
            }
        }
    }

    private static void tile4x4(float[] a, int ai, int ra, int ca, float[] b, int bj, int rb, int cb,
                                float[] c, int ci, int n, int k) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0, ap = ai, bp = bj; p < k; p++, ap += ca, bp += rb) {
            float a0 = a[ap], a1 = a[ap + ra], a2 = a[ap + 2 * ra], a3 = a[ap + 3 * ra];
            float b0 = b[bp], b1 = b[bp + cb], b2 = b[bp + 2 * cb], b3 = b[bp + 3 * cb];
            c00 += a0 * b0;
            c01 += a0 * b1;
            c02 += a0 * b2;
            c03 += a0 * b3;
            c10 += a1 * b0;
            c11 += a1 * b1;
            c12 += a1 * b2;
            c13 += a1 * b3;
            c20 += a2 * b0;
            c21 += a2 * b1;
            c22 += a2 * b2;
            c23 += a2 * b3;
            c30 += a3 * b0;
            c31 += a3 * b1;
            c32 += a3 * b2;
            c33 += a3 * b3;
        }
        put(c, ci, c00, c01, c02, c03);
        put(c, ci + n, c10, c11, c12, c13);
        put(c, ci + 2 * n, c20, c21, c22, c23);
        put(c, ci + 3 * n, c30, c31, c32, c33);
    }

    /** Batch 1 (online learning) lands here: four independent sums keep the adders busy. */
    private static void row1x4(float[] a, int ai, int ca, float[] b, int bj, int rb, int cb,
                               float[] c, int ci, int k) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int p = 0, ap = ai, bp = bj; p < k; p++, ap += ca, bp += rb) {
            float x = a[ap];
            s0 += x * b[bp];
            s1 += x * b[bp + cb];
            s2 += x * b[bp + 2 * cb];
            s3 += x * b[bp + 3 * cb];
        }
        put(c, ci, s0, s1, s2, s3);
    }

    private static float dot(float[] a, int ai, int ca, float[] b, int bj, int rb, int k) {
        float s = 0;
        for (int p = 0, ap = ai, bp = bj; p < k; p++, ap += ca, bp += rb) {
            s += a[ap] * b[bp];
        }
        return s;
    }

    private static void put(float[] c, int ci, float v0, float v1, float v2, float v3) {
        c[ci] = v0;
        c[ci + 1] = v1;
        c[ci + 2] = v2;
        c[ci + 3] = v3;
    }

    @Override
    public int panelWidth() {
        return 16;
    }

    @Override
    public String label() {
        return "portable";
    }
}
