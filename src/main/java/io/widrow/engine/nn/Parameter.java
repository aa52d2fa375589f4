package io.widrow.engine.nn;

/**
 * A trainable tensor and its gradient, both row-major float arrays of {@code rows × cols}. The optimizer
 * mutates {@link #value()} from {@link #grad()}; layers overwrite {@code grad} on every backward pass.
 *
 * @param name    stable name used in serialization, e.g. {@code "W"}, {@code "b"}, {@code "gamma"}
 * @param decays  whether L2 weight decay applies (weights yes, biases and norm scales no)
 */
public record Parameter(String name, float[] value, float[] grad, int rows, int cols, boolean decays) {
    public Parameter {
        if (value.length != rows * cols || grad.length != rows * cols) {
            throw new IllegalArgumentException("parameter " + name + " arrays do not match shape " + rows + "x" + cols);
        }
    }

    /** A zero-initialised parameter of the given shape. */
    public static Parameter zeros(String name, int rows, int cols, boolean decays) {
        return new Parameter(name, new float[rows * cols], new float[rows * cols], rows, cols, decays);
    }

    public int size() {
        return value.length;
    }
}
