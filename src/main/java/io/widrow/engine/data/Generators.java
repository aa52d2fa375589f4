package io.widrow.engine.data;

import io.widrow.engine.tensor.Rng;

/**
 * Seeded two-feature playground data sets (the course notes' and TensorFlow Playground's). Every kind
 * draws only from one {@link Rng} seeded with {@code spec.seed()}, so the same spec gives the same data.
 * Two-class kinds alternate classes row by row, which keeps them balanced (±1 for odd sizes) without a
 * shuffle; classes are named "0", "1", ....
 */
public final class Generators {
    private static final String[] FEATURES = {"x1", "x2"};
    private static final String[] BINARY = {"0", "1"};
    /** Playground's spirals make 1.75 turns and reach radius 5. */
    private static final double SPIRAL_TURNS = 1.75;
    private static final double SPIRAL_RADIUS = 5;
    /** Blob spread when noise = 0, so gaussians never collapse onto their centres. */
    private static final double BLOB_STD = 0.5;
    /** Playground places two blobs at (2, 2) and (−2, −2): a circle of radius 2√2 starting at 45°. */
    private static final double BLOB_RADIUS = 2 * Math.sqrt(2);

    private Generators() {
    }

    public static Dataset generate(GeneratorSpec spec) {
        int n = spec.samples();
        float[] x = new float[n * 2];
        int[] y = new int[n];
        Rng rng = new Rng(spec.seed());
        String[] classes = BINARY;
        switch (spec.kind()) {
            case "and" -> truthTable(x, y, n, spec.noise(), rng, 0b1000);
            case "or" -> truthTable(x, y, n, spec.noise(), rng, 0b1110);
            case "xor" -> truthTable(x, y, n, spec.noise(), rng, 0b0110);
            case "rings" -> rings(x, y, n, spec.noise(), rng, spec.innerRadius(), spec.outerRadius());
            case "spirals" -> spirals(x, y, n, spec.noise(), rng);
            case "moons" -> moons(x, y, n, spec.noise(), rng);
            case "gaussians" -> {
                gaussians(x, y, n, spec.noise(), rng, spec.classes());
                classes = numbered(spec.classes());
            }
            default -> throw new IllegalArgumentException("unknown generator kind '" + spec.kind() + "'");
        }
        return Dataset.classification(x, n, 2, FEATURES.clone(), y, classes.clone());
    }

    /** Bit (2·x1 + x2) of {@code table} is the class of corner (x1, x2); rows cycle through the 4 corners. */
    private static void truthTable(float[] x, int[] y, int n, double noise, Rng rng, int table) {
        for (int i = 0; i < n; i++) {
            int corner = i & 3;
            int a = corner >> 1;
            int b = corner & 1;
            x[2 * i] = (float) (a + jitter(noise, rng));
            x[2 * i + 1] = (float) (b + jitter(noise, rng));
            y[i] = (table >> corner) & 1;
        }
    }

    private static void rings(float[] x, int[] y, int n, double noise, Rng rng, double inner, double outer) {
        for (int i = 0; i < n; i++) {
            int c = i & 1;
            double angle = rng.uniform(0, 2 * Math.PI);
            double r = (c == 0 ? inner : outer) + jitter(noise, rng);
            x[2 * i] = (float) (r * Math.cos(angle));
            x[2 * i + 1] = (float) (r * Math.sin(angle));
            y[i] = c;
        }
    }

    /** Class 1 is class 0 rotated by π; the k-th point of a class sits at radius ∝ k. */
    private static void spirals(float[] x, int[] y, int n, double noise, Rng rng) {
        int perClass = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            int c = i & 1;
            double f = (double) (i >> 1) / perClass;
            double t = SPIRAL_TURNS * 2 * Math.PI * f + c * Math.PI;
            double r = SPIRAL_RADIUS * f;
            x[2 * i] = (float) (r * Math.sin(t) + jitter(noise, rng));
            x[2 * i + 1] = (float) (r * Math.cos(t) + jitter(noise, rng));
            y[i] = c;
        }
    }

    /** sklearn make_moons: upper half circle (class 0) and a lower one shifted by (1, −0.5) (class 1). */
    private static void moons(float[] x, int[] y, int n, double noise, Rng rng) {
        int outer = (n + 1) / 2;
        int inner = n - outer;
        for (int i = 0; i < n; i++) {
            int c = i & 1;
            int k = i >> 1;
            int m = c == 0 ? outer : inner;
            double angle = m <= 1 ? 0 : Math.PI * k / (m - 1);
            double px = c == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
            double py = c == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
            x[2 * i] = (float) (px + jitter(noise, rng));
            x[2 * i + 1] = (float) (py + jitter(noise, rng));
            y[i] = c;
        }
    }

    /** Blob centres evenly spaced on a circle; spread is BLOB_STD + noise. */
    private static void gaussians(float[] x, int[] y, int n, double noise, Rng rng, int k) {
        double std = BLOB_STD + noise;
        for (int i = 0; i < n; i++) {
            int c = i % k;
            double angle = Math.PI / 4 + 2 * Math.PI * c / k;
            x[2 * i] = (float) (BLOB_RADIUS * Math.cos(angle) + std * rng.nextGaussian());
            x[2 * i + 1] = (float) (BLOB_RADIUS * Math.sin(angle) + std * rng.nextGaussian());
            y[i] = c;
        }
    }

    /** No draw at all when noise is 0, so noiseless data do not depend on the seed more than they must. */
    private static double jitter(double noise, Rng rng) {
        return noise > 0 ? noise * rng.nextGaussian() : 0;
    }

    private static String[] numbered(int k) {
        String[] names = new String[k];
        for (int i = 0; i < k; i++) {
            names[i] = Integer.toString(i);
        }
        return names;
    }
}
