package io.widrow.engine.tensor;

import java.util.Arrays;

/**
 * A dense float matrix stored in one contiguous array in row-major order: element (r, c) lives at
 * {@code data[r * cols + c]}.
 *
 * <p>The backing array may be larger than {@code rows * cols}: buffers are allocated once for the
 * largest batch and {@link #resizeRows(int)} shrinks the visible row count for a smaller last batch,
 * so the training loop never allocates per batch. Only the first {@code rows * cols} elements are
 * meaningful.
 */
public final class Matrix {
    private final float[] data;
    private final int cols;
    private int rows;

    /** Wraps {@code data} (not copied) as a {@code rows × cols} matrix. */
    public Matrix(float[] data, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols);
        }
        if ((long) rows * cols > data.length) {
            throw new IllegalArgumentException(
                    "array of " + data.length + " floats cannot hold a " + rows + "x" + cols + " matrix");
        }
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    /** A new zero-filled {@code rows × cols} matrix. */
    public Matrix(int rows, int cols) {
        this(new float[Math.multiplyExact(rows, cols)], rows, cols);
    }

    /** A copy of the given rows (each must have the same length). */
    public static Matrix of(float[]... rowValues) {
        int r = rowValues.length;
        int c = r == 0 ? 0 : rowValues[0].length;
        Matrix m = new Matrix(r, c);
        for (int i = 0; i < r; i++) {
            if (rowValues[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowValues[i].length + " values, expected " + c);
            }
            System.arraycopy(rowValues[i], 0, m.data, i * c, c);
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing array, row-major; may be longer than {@code rows * cols}. */
    public float[] data() {
        return data;
    }

    /** The largest row count the backing array can hold. */
    public int capacityRows() {
        return cols == 0 ? Integer.MAX_VALUE : data.length / cols;
    }

    /** Mutates this matrix's visible row count (no copy, no allocation). */
    public Matrix resizeRows(int newRows) {
        if (newRows < 0 || (long) newRows * cols > data.length) {
            throw new IllegalArgumentException("cannot resize to " + newRows + " rows: capacity is " + capacityRows());
        }
        this.rows = newRows;
        return this;
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }

    /** Mutates element (r, c). */
    public void set(int r, int c, float v) {
        data[r * cols + c] = v;
    }

    public int size() {
        return rows * cols;
    }

    /** Mutates: sets every visible element to zero. */
    public void fillZero() {
        Arrays.fill(data, 0, rows * cols, 0f);
    }

    /** Mutates: copies the visible elements of {@code src}, which must have the same shape. */
    public void copyFrom(Matrix src) {
        requireSameShape(src);
        System.arraycopy(src.data, 0, data, 0, rows * cols);
    }

    /** A new matrix with exactly the visible elements. */
    public Matrix copy() {
        return new Matrix(Arrays.copyOf(data, rows * cols), rows, cols);
    }

    /** Row {@code r} as a new array. */
    public float[] row(int r) {
        return Arrays.copyOfRange(data, r * cols, r * cols + cols);
    }

    public void requireSameShape(Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(
                    "shape mismatch: " + rows + "x" + cols + " vs " + other.rows + "x" + other.cols);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix[").append(rows).append('x').append(cols).append(']');
        if (rows * cols <= 64) {
            sb.append(Arrays.toString(Arrays.copyOf(data, rows * cols)));
        }
        return sb.toString();
    }
}
