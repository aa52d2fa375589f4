package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels for a handful of rows (batch 1, online learning), where packing B would cost as much as the
 * product itself: B is read in place.
 */
final class VectorSmall {
    private static final VectorSpecies<Float> S = VectorTiles.S;
    private static final int L = VectorTiles.L;

    private VectorSmall() {
    }

    /** A·Bᵀ as dot products over k in [p0, p1): A rows and B rows are both contiguous along k. */
    static void dotNT(float[] a, float[] b, float[] c, int k, int n, int i0, int i1, int j0, int j1, int p0, int p1) {
        int kv = p1 - (p1 - p0) % L;
        for (int i = i0; i < i1; i++) {
            int ai = i * k;
            int j = j0;
            for (; j + 4 <= j1; j += 4) {
                int b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
                FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                for (int p = p0; p < kv; p += L) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + p);
                    s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
                    s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
                    s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
                    s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
                }
                float t0 = s0.reduceLanes(VectorOperators.ADD), t1 = s1.reduceLanes(VectorOperators.ADD);
                float t2 = s2.reduceLanes(VectorOperators.ADD), t3 = s3.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < p1; p++) {
                    float x = a[ai + p];
                    t0 += x * b[b0 + p];
                    t1 += x * b[b1 + p];
                    t2 += x * b[b2 + p];
                    t3 += x * b[b3 + p];
                }
                int ci = i * n + j;
                c[ci] = t0;
                c[ci + 1] = t1;
                c[ci + 2] = t2;
                c[ci + 3] = t3;
            }
            for (; j < j1; j++) {
                int bj = j * k;
                FloatVector s = FloatVector.zero(S);
                for (int p = p0; p < kv; p += L) {
                    s = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), s);
                }
                float t = s.reduceLanes(VectorOperators.ADD);
                for (int p = kv; p < p1; p++) {
                    t += a[ai + p] * b[bj + p];
                }
                c[i * n + j] = t;
            }
        }
    }

    /**
     * A·B or Aᵀ·B (B row-major k×n) over k in [p0, p1), a row at a time, four vectors of C per pass;
     * A(i, p) is {@code a[i*rs + p*cs]}.
     */
    static void rowsDirect(float[] a, int rs, int cs, float[] b, float[] c, int n,
                           int i0, int i1, int j0, int j1, int p0, int p1) {
        for (int i = i0; i < i1; i++) {
            int ai = i * rs;
            int ci = i * n;
            int j = j0;
            for (; j + 4 * L <= j1; j += 4 * L) {
                FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
                for (int p = p0, ap = ai + p0 * cs, bp = j + p0 * n; p < p1; p++, ap += cs, bp += n) {
                    FloatVector x = FloatVector.broadcast(S, a[ap]);
                    s0 = FloatVector.fromArray(S, b, bp).fma(x, s0);
                    s1 = FloatVector.fromArray(S, b, bp + L).fma(x, s1);
                    s2 = FloatVector.fromArray(S, b, bp + 2 * L).fma(x, s2);
                    s3 = FloatVector.fromArray(S, b, bp + 3 * L).fma(x, s3);
                }
                s0.intoArray(c, ci + j);
                s1.intoArray(c, ci + j + L);
                s2.intoArray(c, ci + j + 2 * L);
                s3.intoArray(c, ci + j + 3 * L);
            }
            for (; j + L <= j1; j += L) {
                FloatVector s = FloatVector.zero(S);
                for (int p = p0, ap = ai + p0 * cs, bp = j + p0 * n; p < p1; p++, ap += cs, bp += n) {
                    s = FloatVector.fromArray(S, b, bp).fma(FloatVector.broadcast(S, a[ap]), s);
                }
                s.intoArray(c, ci + j);
            }
            for (; j < j1; j++) {
                float t = 0f;
                for (int p = p0, ap = ai + p0 * cs, bp = j + p0 * n; p < p1; p++, ap += cs, bp += n) {
                    t += a[ap] * b[bp];
                }
                c[ci + j] = t;
            }
        }
    }
}
