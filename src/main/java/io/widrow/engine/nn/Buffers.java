package io.widrow.engine.nn;

import io.widrow.engine.tensor.Matrix;

/** Grow-only batch buffers shared by the layers, so the no-allocation rule lives in one place. */
final class Buffers {
    private Buffers() {
    }

    /**
     * {@code current} resized to {@code rows}, or a new matrix when it is missing or too small; a smaller
     * batch never shrinks the backing array, so the next full batch reuses it.
     */
    static Matrix ensure(Matrix current, int rows, int cols) {
        if (current == null || current.cols() != cols || current.capacityRows() < rows) {
            return new Matrix(rows, cols);
        }
        return current.resizeRows(rows);
    }

    static void requireCols(Matrix m, int expected, String layer, String what) {
        if (m.cols() != expected) {
            throw new IllegalArgumentException(layer + " expects " + what + " with " + expected + " columns, got "
                    + m.rows() + "x" + m.cols());
        }
    }

    static void requireForward(Object state, String layer) {
        if (state == null) {
            throw new IllegalStateException(layer + ".backward called before forward(…, true)");
        }
    }
}
