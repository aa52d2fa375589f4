package io.widrow.engine.tensor;

/**
 * Grow-only scratch owned by one thread (a caller's thread-local or a pool worker), so packing never
 * allocates once the largest shape has been seen and two threads never share a buffer.
 */
final class Workspace {
    private float[] panel = new float[0];
    private float[] tile = new float[0];
    private float[] matrix = new float[0];
    private float[] partial = new float[0];

    /** Packed B panel (kc × panel width). */
    float[] panel(int size) {
        if (panel.length < size) {
            panel = new float[size];
        }
        return panel;
    }

    /** Staging for edge tiles whose columns overhang C. */
    float[] tile(int size) {
        if (tile.length < size) {
            tile = new float[size];
        }
        return tile;
    }

    /** A whole transposed operand (portable path only). */
    float[] matrix(int size) {
        if (matrix.length < size) {
            matrix = new float[size];
        }
        return matrix;
    }

    /** A worker's share of a product split along k, before the caller adds it into C. */
    float[] partial(int size) {
        if (partial.length < size) {
            partial = new float[size];
        }
        return partial;
    }
}
