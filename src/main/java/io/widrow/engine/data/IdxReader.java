package io.widrow.engine.data;

import java.io.IOException;
import java.io.InputStream;

/** TODO (helper C): reads an IDX images/labels pair (gzipped or not) into a classification Dataset. */
public final class IdxReader {
    private IdxReader() {
    }

    /**
     * Reads an IDX3 (or IDX2) image file and an IDX1 label file; gzip is detected from the magic bytes.
     * Pixels are scaled to [0, 1]. Format problems (wrong magic, wrong dimensions, truncation, count
     * mismatch) throw IllegalArgumentException with a message saying which file and what; at most
     * {@code maxRows} rows are read (fewer if the file is shorter).
     */
    public static Dataset read(InputStream images, InputStream labels, int maxRows) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }
}
