package io.widrow.datasets.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.widrow.system.ApiException;
import io.widrow.system.LimitedInputStream;
import io.widrow.system.Sizes;

/**
 * Opens an uploaded part for a parser: the raw bytes are counted against {@code widrow.datasets.max-upload} and, when
 * the part is gzip, what it inflates to against {@code widrow.limits.max-decompressed}. Inflation is lazy, so a
 * gzip bomb is refused after inflating just past the limit, never in full.
 */
final class Uploads {
    private static final int BUFFER = 64 * 1024;

    private Uploads() {
    }

    /** @param part how the part is named in messages ("the file", "the images part") */
    static BufferedInputStream open(InputStream raw, String part, long maxUpload, long maxDecompressed)
            throws IOException {
        InputStream counted = new LimitedInputStream(raw, maxUpload, () -> ApiException.tooLarge(
                capitalized(part) + " exceeds the upload limit of " + Sizes.bytes(maxUpload)
                        + " (widrow.datasets.max-upload)."));
        BufferedInputStream in = new BufferedInputStream(counted, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return in;
        }
        GZIPInputStream gzip;
        try {
            gzip = new GZIPInputStream(in, BUFFER);
        } catch (ZipException | EOFException e) {
            throw ApiException.badRequest(capitalized(part) + " starts like gzip but its gzip header is corrupt or truncated.");
        }
        return new BufferedInputStream(new LimitedInputStream(new GzipErrors(gzip, part), maxDecompressed, () -> ApiException.tooLarge(
                capitalized(part) + " decompresses to more than " + Sizes.bytes(maxDecompressed)
                        + " (widrow.limits.max-decompressed); refused without inflating the rest.")), BUFFER);
    }

    /**
     * A gzip stream that ends early or fails its checksum is the client's corrupt upload, not an I/O failure: say so
     * and which part. Plain-data truncation (an IDX with fewer items than declared) is still the parser's to report.
     */
    private static final class GzipErrors extends FilterInputStream {
        private final String part;

        GzipErrors(InputStream in, String part) {
            super(in);
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        private ApiException corrupt(IOException e) {
            return ApiException.badRequest(capitalized(part) + " is corrupt or truncated gzip data (" + e.getMessage() + ").");
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
