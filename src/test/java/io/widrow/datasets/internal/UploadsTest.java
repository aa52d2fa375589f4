package io.widrow.datasets.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;

import io.widrow.system.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadsTest {

    /** Counts what the inflater actually pulled from the compressed upload. */
    private static final class Counting extends FilterInputStream {
        long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }

    private static byte[] zeros(long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] block = new byte[1 << 16];
            for (long done = 0; done < bytes; done += block.length) {
                gz.write(block);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBombIsRefusedAfterInflatingJustPastTheLimit() throws IOException {
        byte[] bomb = zeros(512L << 20);
        Counting source = new Counting(new ByteArrayInputStream(bomb));
        InputStream in = Uploads.open(source, "the file", Long.MAX_VALUE, 1 << 20);
        byte[] buffer = new byte[8192];
        long inflated = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                inflated += n;
            }
            throw new AssertionError("a 512 MB bomb passed a 1 MB limit");
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(413);
            assertThat(e.getMessage()).contains("widrow.limits.max-decompressed").contains("1 MB (1048576 bytes)");
        }
        assertThat(inflated).isEqualTo(1 << 20);
        assertThat(source.read).as("compressed bytes consumed of %d", bomb.length).isLessThan(bomb.length / 2);
    }

    @Test
    void rawBytesAreCountedAgainstTheUploadLimit() throws IOException {
        InputStream exact = Uploads.open(new ByteArrayInputStream(new byte[1000]), "the file", 1000, 10);
        assertThat(exact.readAllBytes()).hasSize(1000);
        InputStream over = Uploads.open(new ByteArrayInputStream(new byte[1001]), "the images part", 1000, 10);
        assertThatThrownBy(over::readAllBytes).isInstanceOf(ApiException.class)
                .hasMessageContaining("The images part exceeds the upload limit of 1000 bytes (widrow.datasets.max-upload)");
    }

    @Test
    void aCutGzipStreamIsNamedAsSuch() throws IOException {
        byte[] z = zeros(1 << 20);
        InputStream in = Uploads.open(new ByteArrayInputStream(java.util.Arrays.copyOf(z, z.length / 2)), "the labels part",
                Long.MAX_VALUE, Long.MAX_VALUE);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(ApiException.class)
                .hasMessageContaining("The labels part is corrupt or truncated gzip data");
    }
}
