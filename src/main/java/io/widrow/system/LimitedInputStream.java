package io.widrow.system;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Passes at most {@code limit} bytes through and throws the given problem on the first byte beyond, so a parser
 * reading an upload (or what a gzip stream inflates to) stops at the limit instead of when the heap is full.
 * Counting where the bytes are consumed also covers bodies whose size no header announced.
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final Supplier<ApiException> exceeded;
    private long count;

    public LimitedInputStream(InputStream in, long limit, Supplier<ApiException> exceeded) {
        super(in);
        this.limit = limit;
        this.exceeded = exceeded;
    }

    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        if (count >= limit) {
            return overflow();
        }
        int b = in.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (count >= limit) {
            return overflow();
        }
        int n = in.read(b, off, (int) Math.min(len, limit - count));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, Math.max(0, limit - count)));
        count += skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** At the limit: end of stream is fine, one more byte is not. */
    private int overflow() throws IOException {
        if (in.read() < 0) {
            return -1;
        }
        throw exceeded.get();
    }
}
