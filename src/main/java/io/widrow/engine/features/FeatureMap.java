package io.widrow.engine.features;

import io.widrow.engine.data.Dataset;
import java.util.List;

/**
 * A fixed nonlinear expansion of the raw inputs, so that a linear model can draw a curved boundary (the
 * notes' φ(x) = [x1, x2, x1·x2] makes XOR linearly separable). The raw inputs always come first.
 *
 * <ul>
 *   <li>{@code none}: φ(x) = x</li>
 *   <li>{@code interactions}: [x1..xn, xi·xj for i &lt; j]</li>
 *   <li>{@code poly2}: [x1..xn, xi·xj for i ≤ j] (squares included)</li>
 * </ul>
 */
public final class FeatureMap {
    public static final List<String> NAMES = List.of("none", "interactions", "poly2");
    /** Keeps a mapped row count × width safely inside one Java array. */
    static final long MAX_OUTPUT = Integer.MAX_VALUE - 8;

    private static final FeatureMap NONE = new FeatureMap("none", -1);
    private static final FeatureMap INTERACTIONS = new FeatureMap("interactions", 1);
    private static final FeatureMap POLY2 = new FeatureMap("poly2", 0);

    private final String name;
    /** Second index j starts at i + offset: 1 skips squares, 0 keeps them; -1 means no products at all. */
    private final int offset;

    private FeatureMap(String name, int offset) {
        this.name = name;
        this.offset = offset;
    }

    public static void requireKnown(String name) {
        if (name == null || !NAMES.contains(name)) {
            throw new IllegalArgumentException("feature map must be one of " + NAMES + ", got '" + name + "'");
        }
    }

    public static FeatureMap of(String name) {
        requireKnown(name);
        return switch (name) {
            case "interactions" -> INTERACTIONS;
            case "poly2" -> POLY2;
            default -> NONE;
        };
    }

    public String name() {
        return name;
    }

    /** Width of φ(x) for {@code inputs} raw features; throws if that would not fit in an array. */
    public int outputSize(int inputs) {
        if (inputs < 0) {
            throw new IllegalArgumentException("input count must be >= 0, got " + inputs);
        }
        long n = inputs;
        long size = switch (offset) {
            case 1 -> n + n * (n - 1) / 2;
            case 0 -> n + n * (n + 1) / 2;
            default -> n;
        };
        if (size > MAX_OUTPUT) {
            throw new IllegalArgumentException("feature map '" + name + "' on " + inputs
                    + " inputs would create " + size + " features (limit " + MAX_OUTPUT + ")");
        }
        return (int) size;
    }

    /** Names of φ(x): the inputs, then "a*b" for products and "a^2" for squares. */
    public String[] outputNames(String[] inputNames) {
        int n = inputNames.length;
        String[] out = new String[outputSize(n)];
        System.arraycopy(inputNames, 0, out, 0, n);
        if (offset < 0) {
            return out;
        }
        int k = n;
        for (int i = 0; i < n; i++) {
            for (int j = i + offset; j < n; j++) {
                out[k++] = i == j ? inputNames[i] + "^2" : inputNames[i] + "*" + inputNames[j];
            }
        }
        return out;
    }

    /** Writes φ of each row of {@code in} ({@code rows × cols}, row-major) into {@code out}. */
    public void apply(float[] in, int rows, int cols, float[] out) {
        apply(in, 0, rows, cols, out);
    }

    /**
     * Writes φ of rows {@code [firstRow, firstRow + rows)} of {@code in} ({@code cols} per row, row-major)
     * into the first {@code rows} rows of {@code out}.
     */
    public void apply(float[] in, int firstRow, int rows, int cols, float[] out) {
        int width = outputSize(cols);
        if (firstRow < 0 || rows < 0 || ((long) firstRow + rows) * cols > in.length) {
            throw new IllegalArgumentException("input of " + in.length + " floats cannot hold rows " + firstRow + " to "
                    + ((long) firstRow + rows) + " of " + cols);
        }
        if ((long) rows * width > out.length) {
            throw new IllegalArgumentException("output of " + out.length + " floats cannot hold " + rows + "x" + width);
        }
        for (int r = 0; r < rows; r++) {
            int src = (firstRow + r) * cols;
            int dst = r * width;
            System.arraycopy(in, src, out, dst, cols);
            if (offset < 0) {
                continue;
            }
            int k = dst + cols;
            for (int i = 0; i < cols; i++) {
                float xi = in[src + i];
                for (int j = i + offset; j < cols; j++) {
                    out[k++] = xi * in[src + j];
                }
            }
        }
    }

    /**
     * A copy of {@code data} with φ applied to its features (labels/targets shared); {@code none} returns
     * {@code data} itself, so a 60,000-image set is not duplicated for nothing.
     */
    public Dataset apply(Dataset data) {
        if (this == NONE) {
            return data;
        }
        int width = outputSize(data.features());
        long total = (long) data.rows() * width;
        if (total > MAX_OUTPUT) {
            throw new IllegalArgumentException("feature map '" + name + "' on " + data.rows() + " rows would create "
                    + total + " values, more than one array holds");
        }
        float[] out = new float[(int) total];
        apply(data.x(), data.rows(), data.features(), out);
        return data.withFeatures(out, width, outputNames(data.featureNames()));
    }

    @Override
    public String toString() {
        return name;
    }
}
