package io.widrow.engine.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Vector element kernels; loaded by reflection like {@link VectorGemm}. */
final class VectorElements implements ElementKernel {
    private static final VectorSpecies<Float> S = VectorTiles.S;
    private static final int L = VectorTiles.L;
    /** Squares are summed in float within a block this long, then the block sum is added in double. */
    private static final int BLOCK = 4096;

    @Override
    public void reluBackward(float[] z, float[] g, float[] out, int from, int to, float slope) {
        int bound = from + S.loopBound(to - from);
        int i = from;
        FloatVector zero = FloatVector.zero(S);
        if (slope == 0f) {
            for (; i < bound; i += L) {
                VectorMask<Float> positive = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
                zero.blend(FloatVector.fromArray(S, g, i), positive).intoArray(out, i);
            }
        } else {
            for (; i < bound; i += L) {
                VectorMask<Float> positive = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
                FloatVector gv = FloatVector.fromArray(S, g, i);
                gv.mul(slope).add(zero).blend(gv, positive).intoArray(out, i);
            }
        }
        for (; i < to; i++) {
            out[i] = z[i] > 0f ? g[i] : slope == 0f ? 0f : slope * g[i] + 0f;
        }
    }

    @Override
    public void exp(float[] v, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            exp(FloatVector.fromArray(S, v, i)).intoArray(v, i);
        }
        for (; i < to; i++) {
            v[i] = FloatExp.exp(v[i]);
        }
    }

    /** {@link FloatExp#sigmoid} lane by lane, on the lanes of {@link #exp(FloatVector)}. */
    @Override
    public void sigmoid(float[] z, float[] a, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector s = one.div(one.add(exp(x.neg())));
            s.blend(x, x.compare(VectorOperators.NE, x)).intoArray(a, i);
        }
        for (; i < to; i++) {
            a[i] = FloatExp.sigmoid(z[i]);
        }
    }

    /** {@link FloatTanh#tanh} lane by lane: both branches on every lane, then a blend by |x|. */
    @Override
    public void tanh(float[] z, float[] a, int from, int to) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector p0 = FloatVector.broadcast(S, FloatTanh.P0);
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector ax = x.abs();
            FloatVector large = one.sub(two.div(exp(ax.add(ax)).add(one)));
            FloatVector x2 = ax.mul(ax);
            FloatVector p = x2.fma(p0, FloatVector.broadcast(S, FloatTanh.P1));
            p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.P2));
            p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.P3));
            p = p.fma(x2, FloatVector.broadcast(S, FloatTanh.P4));
            FloatVector small = ax.mul(x2).fma(p, ax);
            FloatVector t = small.blend(large, ax.compare(VectorOperators.GE, FloatTanh.THRESHOLD));
            // Neither branch is negative, so or-ing in x's sign bit is the scalar's copySign.
            IntVector sign = x.reinterpretAsInts().and(0x8000_0000);
            t = t.reinterpretAsInts().or(sign).reinterpretAsFloats();
            t.blend(x, x.compare(VectorOperators.NE, x)).intoArray(a, i);
        }
        for (; i < to; i++) {
            a[i] = FloatTanh.tanh(z[i]);
        }
    }

    /**
     * GELU's lanes in blocks of {@link #GELU_BLOCK}, in two loops: e^(−x²/2) into a per-thread scratch
     * block, then the rest. In one loop C2's graph passed NodeCountInliningCutoff (which counts every node
     * parsed, and each Vector API call parses into dozens) before the last helper was inlined, and the call
     * boxed two vectors per sixteen lanes: 12 bytes of garbage per element and a kernel 2.5x slower. Two
     * loops each stay under it, and whichever is not inlined into the other is a call per block, not per
     * vector. The steps are the scalar's, so the bits are too.
     */
    private static final int GELU_BLOCK = 1_024;
    private static final ThreadLocal<float[]> GELU_SCRATCH = ThreadLocal.withInitial(() -> new float[GELU_BLOCK]);

    /** {@link FloatGelu#gelu} lane by lane: both sides of 0 on every lane, then a blend by sign. */
    @Override
    public void gelu(float[] z, float[] a, int from, int to) {
        int bound = from + S.loopBound(to - from);
        if (bound > from) {
            float[] e = GELU_SCRATCH.get();
            for (int b = from; b < bound; b += GELU_BLOCK) {
                int end = Math.min(bound, b + GELU_BLOCK);
                geluExp(z, e, b, end);
                geluForward(z, e, a, b, end);
            }
        }
        for (int i = bound; i < to; i++) {
            a[i] = FloatGelu.gelu(z[i]);
        }
    }

    /** {@link FloatGelu#backward} lane by lane. */
    @Override
    public void geluBackward(float[] z, float[] g, float[] out, int from, int to) {
        int bound = from + S.loopBound(to - from);
        if (bound > from) {
            float[] e = GELU_SCRATCH.get();
            for (int b = from; b < bound; b += GELU_BLOCK) {
                int end = Math.min(bound, b + GELU_BLOCK);
                geluExp(z, e, b, end);
                geluBackward(z, e, g, out, b, end);
            }
        }
        for (int i = bound; i < to; i++) {
            out[i] = FloatGelu.backward(z[i], g[i]);
        }
    }

    /** e[i − from] = e^(−xc²/2) with xc = max(z[i], NEG_CUT), as in the scalar; [from, to) a whole number of vectors. */
    private static void geluExp(float[] z, float[] e, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector xc = FloatVector.fromArray(S, z, i).max(FloatGelu.NEG_CUT);
            exp(xc.mul(xc).mul(-0.5f)).intoArray(e, i - from);
        }
    }

    private static void geluForward(float[] z, float[] ex, float[] a, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector xc = x.max(FloatGelu.NEG_CUT);
            FloatVector h = xc.mul(xc);
            FloatVector c = xc.fma(xc, h.neg()).fma(GHALF_NEG_K, GK);
            FloatVector e = FloatVector.fromArray(S, ex, i - from);
            FloatVector q = geluRatio(xc.abs()).mul(c);
            FloatVector negative = xc.mul(q).mul(e);
            FloatVector positive = xc.neg().fma(q.mul(e), xc);
            FloatVector y = positive.blend(negative, xc.compare(VectorOperators.LE, 0f));
            // NaN lanes and those past the positive cut are x itself, as the scalar returns them.
            geluFlush(y.blend(x, x.compare(VectorOperators.LE, FloatGelu.POS_CUT).not())).intoArray(a, i);
        }
    }

    private static void geluBackward(float[] z, float[] ex, float[] g, float[] out, int from, int to) {
        for (int i = from; i < to; i += L) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector xc = x.max(FloatGelu.NEG_CUT);
            FloatVector h = xc.mul(xc);
            FloatVector c = xc.fma(xc, h.neg()).fma(GHALF_NEG_K, GK);
            FloatVector e = FloatVector.fromArray(S, ex, i - from);
            FloatVector t = xc.abs();
            FloatVector v = geluRatio(t).sub(t).mul(c).mul(e);
            FloatVector d = ONE.sub(v).blend(v, xc.compare(VectorOperators.LE, 0f));
            d = d.blend(ONE, x.compare(VectorOperators.GT, FloatGelu.POS_CUT));
            // A NaN x gives NaN lanes through d; every NaN product becomes the canonical NaN, as in the scalar.
            FloatVector r = FloatVector.fromArray(S, g, i).mul(d);
            geluFlush(r.blend(Float.NaN, r.compare(VectorOperators.NE, r))).intoArray(out, i);
        }
    }

    /** {@link FloatGelu#flush}: subnormal lanes become a zero with their sign bit. */
    private static FloatVector geluFlush(FloatVector v) {
        FloatVector signedZero = v.reinterpretAsInts().and(0x8000_0000).reinterpretAsFloats();
        return v.blend(signedZero, v.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
    }

    /** {@link FloatGelu#ratio}, step for step. */
    private static FloatVector geluRatio(FloatVector t) {
        FloatVector q = t.fma(GQ5, GQ4).fma(t, GQ3).fma(t, GQ2).fma(t, GQ1).fma(t, ONE);
        FloatVector p = t.fma(GP4, GP3).fma(t, GP2).fma(t, GP1).fma(t, GP0);
        return q.div(t.fma(q, p));
    }

    /** The GELU kernels' constants as vectors: C2 reads a constant instead of parsing a broadcast for each. */
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector GK = FloatVector.broadcast(S, FloatGelu.K);
    private static final FloatVector GHALF_NEG_K = FloatVector.broadcast(S, FloatGelu.HALF_NEG_K);
    private static final FloatVector GP0 = FloatVector.broadcast(S, FloatGelu.P0);
    private static final FloatVector GP1 = FloatVector.broadcast(S, FloatGelu.P1);
    private static final FloatVector GP2 = FloatVector.broadcast(S, FloatGelu.P2);
    private static final FloatVector GP3 = FloatVector.broadcast(S, FloatGelu.P3);
    private static final FloatVector GP4 = FloatVector.broadcast(S, FloatGelu.P4);
    private static final FloatVector GQ1 = FloatVector.broadcast(S, FloatGelu.Q1);
    private static final FloatVector GQ2 = FloatVector.broadcast(S, FloatGelu.Q2);
    private static final FloatVector GQ3 = FloatVector.broadcast(S, FloatGelu.Q3);
    private static final FloatVector GQ4 = FloatVector.broadcast(S, FloatGelu.Q4);
    private static final FloatVector GQ5 = FloatVector.broadcast(S, FloatGelu.Q5);

    /**
     * {@link FloatExp#exp} sixteen lanes at a time, step for step, so every lane gets the scalar's bits;
     * NaN lanes come back as they went in. Fast only where C2 inlines it (a call would box the vectors):
     * it does while this method's own compiled code is under InlineSmallCode, about 1.1 KB against 2,500
     * bytes with tiered compilation. Under -XX:-TieredCompilation (limit 1,000) the kernels run at half speed.
     */
    private static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(FloatExp.LO).min(FloatExp.HI);
        // n = round(x·log2 e) by the 1.5·2^23 trick: the sum's low mantissa bits hold n.
        FloatVector t = xc.mul(FloatExp.LOG2E).add(FloatExp.ROUNDER);
        FloatVector nf = t.sub(FloatExp.ROUNDER);
        IntVector n = t.reinterpretAsInts().sub(FloatExp.ROUNDER_BITS);
        FloatVector nfNeg = nf.neg();
        FloatVector r = nfNeg.fma(FloatVector.broadcast(S, FloatExp.C2),
                nfNeg.fma(FloatVector.broadcast(S, FloatExp.C1), xc));
        FloatVector p = r.fma(FloatVector.broadcast(S, FloatExp.P0), FloatVector.broadcast(S, FloatExp.P1));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.P2));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.P3));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.P4));
        p = p.fma(r, FloatVector.broadcast(S, FloatExp.P5));
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        IntVector n1 = n.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n.sub(n1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector e = y.mul(s1).mul(s2);
        e = e.blend(0f, x.compare(VectorOperators.LE, FloatExp.LO));
        e = e.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, FloatExp.HI));
        return e.blend(x, x.compare(VectorOperators.NE, x));
    }

    @Override
    public double sumOfSquares(float[] v, int start, int end) {
        double total = 0;
        for (int from = start; from < end; from += BLOCK) {
            int to = Math.min(end, from + BLOCK);
            int bound = from + S.loopBound(to - from);
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0;
            int i = from;
            for (; i + L < bound; i += 2 * L) {
                FloatVector x0 = FloatVector.fromArray(S, v, i);
                FloatVector x1 = FloatVector.fromArray(S, v, i + L);
                s0 = x0.fma(x0, s0);
                s1 = x1.fma(x1, s1);
            }
            for (; i < bound; i += L) {
                FloatVector x = FloatVector.fromArray(S, v, i);
                s0 = x.fma(x, s0);
            }
            double block = s0.add(s1).reduceLanes(VectorOperators.ADD);
            for (; i < to; i++) {
                block += (double) v[i] * v[i];
            }
            total += block;
        }
        return total;
    }

    @Override
    public void addRowVector(float[] c, int rowFrom, int rowTo, int cols, float[] bias) {
        int bound = S.loopBound(cols);
        for (int i = rowFrom; i < rowTo; i++) {
            int off = i * cols;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, c, off + j).add(FloatVector.fromArray(S, bias, j)).intoArray(c, off + j);
            }
            for (; j < cols; j++) {
                c[off + j] += bias[j];
            }
        }
    }

    /** Same summation order as the portable kernel (row by row per column), so the results are identical. */
    @Override
    public void columnSums(float[] a, int rows, int cols, float[] out, int colFrom, int colTo) {
        java.util.Arrays.fill(out, colFrom, colTo, 0f);
        int bound = colFrom + S.loopBound(colTo - colFrom);
        for (int i = 0; i < rows; i++) {
            int off = i * cols;
            int j = colFrom;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, out, j).add(FloatVector.fromArray(S, a, off + j)).intoArray(out, j);
            }
            for (; j < colTo; j++) {
                out[j] += a[off + j];
            }
        }
    }
}
