package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every path × thread count × form agrees with the reference on awkward and on the network's shapes. */
class GemmEngineTest {
    static final String[] FORMS = {"A·B", "Aᵀ·B", "A·Bᵀ"};
    static final int[][] SHAPES = {
        {1, 1, 1}, {1, 1, 7}, {2, 3, 1}, {7, 13, 29}, {5, 17, 33}, {6, 256, 32}, {13, 257, 31},
        {128, 784, 256}, {1, 784, 256}, {1, 256, 784}, {128, 256, 128}, {128, 128, 10}, {128, 10, 128},
        {256, 128, 784}, {10, 128, 128}, {513, 37, 65}, {3, 5, 513}, {64, 300, 64},
        // More rows than one block of packed A strips holds (five row blocks at kc = 300), and a tail panel.
        {1000, 600, 70},
    };
    private static final Map<String, GemmEngine> ENGINES = new ConcurrentHashMap<>();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String path : new String[] {"portable", "vector"}) {
            for (int threads : new int[] {1, 2, 3}) {
                for (int form = 0; form < 3; form++) {
                    for (int[] s : SHAPES) {
                        out.add(Arguments.of(path, threads, form, s[0], s[1], s[2]));
                    }
                }
            }
        }
        return out.stream();
    }

    static GemmEngine engine(String path, int threads) {
        // One engine (and pool) per configuration, shared across cases.
        return ENGINES.computeIfAbsent(path + threads, key -> GemmEngine.create(path, threads));
    }

    static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    @ParameterizedTest(name = "{0} x{1} {2} {3}x{4}x{5}")
    @MethodSource("cases")
    void matchesTheReference(String path, int threads, int form, int m, int k, int n) {
        assumeTrue(!path.equals("vector") || GemmEngine.vectorAvailable(), "JVM lacks jdk.incubator.vector");
        GemmEngine engine = engine(path, threads);
        SplittableRandom rnd = new SplittableRandom(31L * m + 17L * k + n + form);
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, k * n);
        // Stale values and a longer-than-needed array: the kernels must overwrite and stay in bounds.
        float[] c = random(rnd, m * n + 5);
        float sentinel = c[m * n];
        engine.multiply(form, a, b, c, m, k, n);
        GemmReference.check(form, a, b, c, m, k, n, engine.implementation() + " " + FORMS[form] + " " + m + "x" + k + "x" + n);
        assertThat(c[m * n]).isEqualTo(sentinel);
        // Again on the same buffers: a second call must not accumulate onto the first.
        engine.multiply(form, a, b, c, m, k, n);
        GemmReference.check(form, a, b, c, m, k, n, "repeat");
    }

    @ParameterizedTest
    @MethodSource("randomShapes")
    void randomShapesMatch(String path, int form, int m, int k, int n) {
        matchesTheReference(path, 2, form, m, k, n);
    }

    static Stream<Arguments> randomShapes() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Arguments> out = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            int m = 1 + rnd.nextInt(rnd.nextBoolean() ? 9 : 200);
            int k = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 600);
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 400);
            out.add(Arguments.of(t % 2 == 0 ? "vector" : "portable", t % 3, m, k, n));
        }
        return out.stream();
    }
}
