package io.widrow.datasets.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import io.widrow.system.ApiException;

/**
 * Reads the size an IDX image part declares, before the reader allocates for it, so an upload that would not fit the
 * dataset limits is a 413 naming the limit. Anything malformed is left to {@code IdxReader}, which words those errors.
 */
final class IdxLimits {
    private IdxLimits() {
    }

    /** @param images positioned at the start of the (already inflated) image part; left there */
    static void check(BufferedInputStream images, int maxRows, long maxCells, int maxFeatures) throws IOException {
        images.mark(16);
        try {
            DataInputStream in = new DataInputStream(images);
            int magic = in.readInt();
            int dimensions = magic & 0xFF;
            if ((magic >>> 8) != 0x08 || dimensions < 2 || dimensions > 3) {
                return;
            }
            long count = in.readInt();
            long features = in.readInt();
            if (dimensions == 3) {
                features *= in.readInt();
            }
            if (count <= 0 || features <= 0) {
                return;
            }
            if (features > maxFeatures) {
                throw ApiException.tooLarge("The images part declares " + features + " values per item, more than the "
                        + "limit of " + maxFeatures + " features (widrow.limits.max-features).");
            }
            long rows = Math.min(count, maxRows);
            if (rows * features > maxCells) {
                throw ApiException.tooLarge("The images part declares " + count + " items of " + features
                        + " values: " + rows * features + " cells, beyond " + TableBuilder.cellsExceeded(maxCells));
            }
        } catch (java.io.EOFException e) {
            // Too short to hold a header: IdxReader says so precisely.
        } finally {
            images.reset();
        }
    }
}
