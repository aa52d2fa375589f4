package io.widrow.engine.tensor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

/** What the element kernels' bit-for-bit tests share: the vector kernel, seeded inputs, a bits comparison. */
final class ElementKernelTesting {
    private ElementKernelTesting() {
    }

    /** The vector kernel; skips the calling test on a JVM without jdk.incubator.vector. */
    static ElementKernel vector() {
        assumeTrue(GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        return GemmEngine.create("vector", 1).elements();
    }

    /** Each value and its negation, in turn. */
    static float[] bothSigns(float... positive) {
        float[] all = new float[2 * positive.length];
        for (int i = 0; i < positive.length; i++) {
            all[2 * i] = positive[i];
            all[2 * i + 1] = -positive[i];
        }
        return all;
    }

    /**
     * The specials, then seeded values: half dense over [−dense, dense] where a function bends, a quarter
     * wide over [−wide, wide] past its saturations, a quarter arbitrary bit patterns (subnormals, huge
     * values, NaN payloads).
     */
    static float[] inputs(float[] specials, int n, long seed, double dense, double wide) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = Arrays.copyOf(specials, Math.max(n, specials.length));
        for (int i = specials.length; i < n; i++) {
            v[i] = switch (i % 4) {
                case 0, 1 -> (float) (rnd.nextDouble() * (2 * dense) - dense);
                case 2 -> (float) (rnd.nextDouble() * (2 * wide) - wide);
                default -> Float.intBitsToFloat(rnd.nextInt());
            };
        }
        return Arrays.copyOf(v, n);
    }

    static void assertSameBits(float[] expected, float[] actual, float[] input, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(what + ": at " + i + " of f(" + input[i] + ") expected " + expected[i] + " ("
                        + Integer.toHexString(Float.floatToRawIntBits(expected[i])) + ") but was " + actual[i] + " ("
                        + Integer.toHexString(Float.floatToRawIntBits(actual[i])) + ")");
            }
        }
    }
}
