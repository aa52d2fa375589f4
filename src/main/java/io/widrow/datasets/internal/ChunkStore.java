package io.widrow.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Dataset bytes as fixed-size rows in {@code dataset_chunks}: every chunk but the last holds exactly
 * {@link #CHUNK_SIZE} bytes, which makes any byte offset addressable without reading earlier chunks.
 * Plain JDBC because a chunk is a transport unit, not a domain object.
 */
@Repository
class ChunkStore {
    static final int CHUNK_SIZE = 4 * 1024 * 1024;

    private final JdbcClient jdbc;

    ChunkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bytes written; the caller closes it to flush the last chunk and then reads {@code size()/chunks()}. */
    ChunkOutput output(UUID datasetId) {
        return new ChunkOutput(datasetId);
    }

    /** Reads from {@code offset}, fetching one chunk at a time as the reader advances. */
    InputStream input(UUID datasetId, long offset) {
        return new ChunkInput(datasetId, offset);
    }

    private void insert(UUID datasetId, int seq, byte[] data) {
        jdbc.sql("INSERT INTO dataset_chunks (dataset_id, seq, data) VALUES (?, ?, ?)")
                .params(datasetId, seq, data)
                .update();
    }

    private byte[] fetch(UUID datasetId, int seq) {
        return jdbc.sql("SELECT data FROM dataset_chunks WHERE dataset_id = ? AND seq = ?")
                .params(datasetId, seq)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElse(null);
    }

    final class ChunkOutput extends OutputStream {
        private final UUID datasetId;
        private final byte[] buffer = new byte[CHUNK_SIZE];
        private int pos;
        private int seq;
        private long size;
        private boolean closed;

        private ChunkOutput(UUID datasetId) {
            this.datasetId = datasetId;
        }

        @Override
        public void write(int b) {
            if (pos == CHUNK_SIZE) {
                emit();
            }
            buffer[pos++] = (byte) b;
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (pos == CHUNK_SIZE) {
                    emit();
                }
                int n = Math.min(len, CHUNK_SIZE - pos);
                System.arraycopy(b, off, buffer, pos, n);
                pos += n;
                off += n;
                len -= n;
                size += n;
            }
        }

        private void emit() {
            insert(datasetId, seq++, pos == CHUNK_SIZE ? buffer : java.util.Arrays.copyOf(buffer, pos));
            pos = 0;
        }

        @Override
        public void close() {
            if (!closed && pos > 0) {
                emit();
            }
            closed = true;
        }

        long size() {
            return size;
        }

        int chunks() {
            return seq;
        }
    }

    private final class ChunkInput extends InputStream {
        private final UUID datasetId;
        private byte[] current;
        private int seq;
        private int pos;

        private ChunkInput(UUID datasetId, long offset) {
            this.datasetId = datasetId;
            this.seq = (int) (offset / CHUNK_SIZE);
            this.pos = (int) (offset % CHUNK_SIZE);
        }

        private boolean ensure() throws IOException {
            if (current != null && pos < current.length) {
                return true;
            }
            if (current != null) {
                if (current.length < CHUNK_SIZE) {
                    return false;
                }
                seq++;
                pos = 0;
            }
            current = fetch(datasetId, seq);
            if (current == null) {
                return false;
            }
            if (pos > current.length) {
                throw new IOException("offset beyond end of dataset blob");
            }
            return pos < current.length;
        }

        @Override
        public int read() throws IOException {
            return ensure() ? current[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!ensure()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
