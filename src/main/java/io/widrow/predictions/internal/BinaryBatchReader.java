package io.widrow.predictions.internal;

import io.widrow.models.LoadedModel;
import io.widrow.system.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Reads a predict body of raw float32 values, little-endian, row-major, {@code inputs} per row in the
 * model's featureNames order: the format for large batches (an image batch is millions of numbers, and
 * parsing them as JSON text cost more than the model). The row count is the body length divided by the
 * row size; every value must be finite, like in JSON.
 */
final class BinaryBatchReader {
    static final String MEDIA_TYPE = "application/octet-stream";
    private static final int CHUNK = 64 * 1024;

    private final int maxRows;
    private final long maxValues;

    BinaryBatchReader(int maxRows, long maxValues) {
        this.maxRows = maxRows;
        this.maxValues = maxValues;
    }

    RowBlocks read(InputStream in, long declaredLength, LoadedModel model) throws IOException {
        int width = model.model().inputs();
        long rowBytes = 4L * width;
        long maxBytes = Math.min((long) maxRows * rowBytes, maxValues * 4);
        if (declaredLength > maxBytes) {
            throw tooLarge(width);
        }
        RowBlocks blocks = new RowBlocks(width, model.model().predictChunkRows());
        int blockValues = blocks.blockValues();
        byte[] chunk = new byte[CHUNK];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        long total = 0;
        long stored = 0;
        int carry = 0;
        int n;
        while ((n = in.read(chunk, carry, CHUNK - carry)) >= 0) {
            int available = carry + n;
            total += n;
            if (total > maxBytes) {
                throw tooLarge(width);
            }
            int whole = available / 4;
            FloatBuffer floats = view.asFloatBuffer();
            // A chunk's floats may straddle two blocks.
            for (int done = 0; done < whole; ) {
                int row = (int) (stored / width);
                int at = (int) (stored % blockValues);
                int take = Math.min(whole - done, blockValues - at);
                floats.get(blocks.blockOf(row), at, take);
                done += take;
                stored += take;
            }
            carry = available - whole * 4;
            System.arraycopy(chunk, whole * 4, chunk, 0, carry);
        }
        if (total == 0) {
            throw ApiException.badRequest("The body is empty; send at least one row of " + width
                    + " float32 values (" + rowBytes + " bytes).");
        }
        if (total % rowBytes != 0) {
            throw ApiException.badRequest("The body has " + total + " bytes, not a whole number of rows: this model takes "
                    + width + " float32 values (" + rowBytes + " bytes) per row, little-endian.");
        }
        int rows = (int) (total / rowBytes);
        blocks.rows(rows);
        for (int r = 0; r < rows; r++) {
            float[] block = blocks.blockOf(r);
            int off = blocks.offset(r);
            for (int col = 0; col < width; col++) {
                float v = block[off + col];
                if (!Float.isFinite(v)) {
                    String path = "row " + r + ", column " + col + " (" + model.model().featureNames()[col] + ")";
                    String detail = "The value at " + path + " is " + (Float.isNaN(v) ? "NaN" : "infinite")
                            + "; values must be finite numbers.";
                    throw ApiException.badRequest(detail, List.of(new ApiException.FieldProblem("inputs[" + r + "][" + col + "]", detail)));
                }
            }
        }
        return blocks;
    }

    private ApiException tooLarge(int width) {
        return ApiException.tooLarge("At most " + maxRows + " rows and " + maxValues + " values (rows × " + width
                + " features) per request; split the batch.");
    }
}
