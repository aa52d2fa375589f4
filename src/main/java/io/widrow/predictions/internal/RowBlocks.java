package io.widrow.predictions.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A predict request's rows, row-major, {@code width} float32 values per row, held in blocks of
 * {@code blockRows} rows: the model's prediction chunk ({@code TrainedModel.predictChunkRows()}), so each
 * block is predicted as it stands and the answer has the bits of the whole batch predicted at once. One
 * array for a whole 1,000-image batch was 3 MB, which G1 allocates as a humongous object: under load those
 * set off a concurrent marking cycle every few requests, a sixth of the server's CPU.
 *
 * <p>Rows are appended in order; a block is allocated when its first row arrives.
 */
final class RowBlocks {
    private final int width;
    private final int blockRows;
    private final List<float[]> blocks = new ArrayList<>();
    private int rows;

    RowBlocks(int width, int blockRows) {
        if (width < 1 || blockRows < 1) {
            throw new IllegalArgumentException("width and block rows must be >= 1, got " + width + " and " + blockRows);
        }
        this.width = width;
        this.blockRows = blockRows;
    }

    /** The block that row {@code row} (the next one, or one already started) is written to; see {@link #offset}. */
    float[] blockOf(int row) {
        int b = row / blockRows;
        if (b == blocks.size()) {
            blocks.add(new float[blockRows * width]);
        }
        return blocks.get(b);
    }

    /** Where row {@code row}'s first value sits in {@link #blockOf its block}. */
    int offset(int row) {
        return (row % blockRows) * width;
    }

    /** Values per block when full. */
    int blockValues() {
        return blockRows * width;
    }

    /** Marks the first {@code rows} rows as complete. */
    void rows(int rows) {
        this.rows = rows;
    }

    int rows() {
        return rows;
    }

    int width() {
        return width;
    }

    int blockCount() {
        return (rows + blockRows - 1) / blockRows;
    }

    int rowsIn(int block) {
        return Math.min(blockRows, rows - block * blockRows);
    }

    /** Block {@code block}'s values, exactly {@code rowsIn(block) × width} of them. */
    float[] values(int block) {
        float[] b = blocks.get(block);
        int n = rowsIn(block) * width;
        return b.length == n ? b : Arrays.copyOf(b, n);
    }
}
