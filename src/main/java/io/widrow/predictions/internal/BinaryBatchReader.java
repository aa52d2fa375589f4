package io.widrow.predictions.internal;

import io.widrow.models.LoadedModel;
import io.widrow.system.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    BatchParser.Batch read(InputStream in, long declaredLength, LoadedModel model) throws IOException {
        int width = model.model().inputs();
        long rowBytes = 4L * width;
        long maxBytes = Math.min((long) maxRows * rowBytes, maxValues * 4);
        if (declaredLength > maxBytes) {
            throw tooLarge(width);
        }
        float[] values = new float[declaredLength > 0 ? (int) (declaredLength / 4) : Math.max(width, 1024)];
        byte[] chunk = new byte[CHUNK];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        long total = 0;
        int carry = 0;
        int n;
        while ((n = in.read(chunk, carry, CHUNK - carry)) >= 0) {
            int available = carry + n;
            total += n;
            if (total > maxBytes) {
                throw tooLarge(width);
            }
            int whole = available / 4;
            int first = (int) ((total - available) / 4);
            if (first + whole > values.length) {
                values = java.util.Arrays.copyOf(values, (int) Math.min(Math.max(2L * values.length, first + whole), maxBytes / 4));
            }
            view.asFloatBuffer().get(values, first, whole);
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
        for (int i = 0, end = rows * width; i < end; i++) {
            if (!Float.isFinite(values[i])) {
                int row = i / width;
                int col = i % width;
                String path = "row " + row + ", column " + col + " (" + model.model().featureNames()[col] + ")";
                String detail = "The value at " + path + " is " + (Float.isNaN(values[i]) ? "NaN" : "infinite")
                        + "; values must be finite numbers.";
                throw ApiException.badRequest(detail, List.of(new ApiException.FieldProblem("inputs[" + row + "][" + col + "]", detail)));
            }
        }
        return new BatchParser.Batch(values.length == rows * width ? values : java.util.Arrays.copyOf(values, rows * width), rows);
    }

    private ApiException tooLarge(int width) {
        return ApiException.tooLarge("At most " + maxRows + " rows and " + maxValues + " values (rows × " + width
                + " features) per request; split the batch.");
    }
}
