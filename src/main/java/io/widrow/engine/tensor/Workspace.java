package io.widrow.engine.tensor;

/**
 * Grow-only scratch owned by one thread (a caller's thread-local or a pool worker), so packing never
 * allocates once the largest shape has been seen and two threads never share a buffer.
 */
final class Workspace {
    /** The largest packed panel the vector kernel asks for: a 512-deep block × 4 vectors of 16 floats. */
    static final int PANEL_FLOATS = 512 * 64;
    /** Its largest staging tile: 6 rows × 4 vectors of 16 floats. */
    static final int TILE_FLOATS = 6 * 64;
    /** Packed A strips: 132 rows (a 128-row batch rounded up to whole tiles) of a 512-deep block. */
    static final int STRIP_FLOATS = 132 * 512;

    // Allocated here, once per thread, rather than grown on first use: the growth branch inside the
    // kernels had never run by the time C2 compiled them, so the first product on each new thread (a
    // job's worker, the niced helpers) threw the compiled kernels away.
    private float[] panel = new float[PANEL_FLOATS];
    private float[] tile = new float[TILE_FLOATS];
    private final float[] strips = new float[STRIP_FLOATS];
    private float[] matrix = new float[0];
    private float[] partial;

    /** A caller's scratch; a k split's partial C is grown on demand (callers compute one only when the pool is busy). */
    Workspace() {
        this(0);
    }

    private Workspace(int partialFloats) {
        this.partial = new float[partialFloats];
    }

    /** A pool worker's scratch, with room for the largest k-split partial C it can be given. */
    static Workspace forWorker() {
        return new Workspace(GemmPool.SPLIT_K_MAX_C);
    }

    /** Packed B panel (kc × panel width). */
    float[] panel(int size) {
        if (panel.length < size) {
            panel = new float[size];
        }
        return panel;
    }

    /**
     * Packed A strips ({@link #STRIP_FLOATS}: rows × kc rounded up to whole vectors, in tiles of six rows); callers
     * size their row blocks to it.
     */
    float[] strips() {
        return strips;
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
