package io.widrow.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.widrow.engine.data.Dataset;
import org.springframework.stereotype.Component;

/**
 * Rows spread over a stored dataset (one from each of n equal buckets, see {@link #index}), read straight from the chunk
 * store: a scatter plot or an image grid then shows the whole set, not its first rows, without decoding
 * all of it. Rows are visited in order through one stream, reopened only across gaps wider than a chunk, so
 * at most one chunk is fetched per sampled row and never one twice.
 */
@Component
class DatasetSampler {
    private final ChunkStore chunks;

    DatasetSampler(ChunkStore chunks) {
        this.chunks = chunks;
    }

    /** @param labels class index per row (classification) or null; @param targets first target per row (regression) or null */
    record Sample(int rows, int[] indices, List<float[]> x, int[] labels, float[] targets) {
    }

    Sample sample(UUID id, int size) {
        try {
            DatasetCodec.Header h;
            try (InputStream in = chunks.input(id, 0)) {
                h = DatasetCodec.readHeader(in);
            }
            int n = Math.min(size, h.rows());
            int[] indices = new int[n];
            for (int k = 0; k < n; k++) {
                indices[k] = index(k, n, h.rows());
            }
            List<float[]> x = new ArrayList<>(n);
            int rowBytes = h.features() * 4;
            try (Cursor c = new Cursor(id)) {
                for (int i : indices) {
                    x.add(floats(c.read(h.length() + (long) i * rowBytes, rowBytes)));
                }
            }
            int[] labels = null;
            float[] targets = null;
            try (Cursor c = new Cursor(id)) {
                if (h.task() == Dataset.Task.CLASSIFICATION) {
                    labels = new int[n];
                    for (int k = 0; k < n; k++) {
                        labels[k] = ByteBuffer.wrap(c.read(h.labelOffset() + indices[k] * 4L, 4))
                                .order(ByteOrder.LITTLE_ENDIAN).getInt();
                    }
                } else {
                    targets = new float[n];
                    for (int k = 0; k < n; k++) {
                        targets[k] = floats(c.read(h.labelOffset() + (long) indices[k] * h.targetCols() * 4, 4))[0];
                    }
                }
            }
            return new Sample(h.rows(), indices, x, labels, targets);
        } catch (IOException e) {
            throw new IllegalStateException("Stored dataset " + id + " cannot be decoded", e);
        }
    }

    /**
     * One row from each of n equal buckets, at a golden-ratio offset inside its bucket: a fixed stride would
     * alias with data stored in a repeating order (generated sets alternate their classes, so every second
     * row is one class). Deterministic, ascending, and row 0 comes first.
     */
    static int index(int k, int n, int rows) {
        double offset = (k * 0.6180339887498949) % 1.0;
        int i = (int) Math.floor((k + offset) * rows / n);
        int bucketEnd = (int) ((long) (k + 1) * rows / n);
        return Math.max((int) ((long) k * rows / n), Math.min(i, bucketEnd - 1));
    }

    private static float[] floats(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** Forward-only reads at increasing offsets. */
    private final class Cursor implements AutoCloseable {
        private final UUID id;
        private final byte[] scratch = new byte[64 * 1024];
        private InputStream in;
        private long pos;

        Cursor(UUID id) {
            this.id = id;
        }

        byte[] read(long offset, int length) throws IOException {
            if (in == null || offset < pos || offset - pos > ChunkStore.CHUNK_SIZE) {
                close();
                in = chunks.input(id, offset);
                pos = offset;
            }
            while (pos < offset) {
                int r = in.read(scratch, 0, (int) Math.min(scratch.length, offset - pos));
                if (r < 0) {
                    throw new IOException("dataset blob is truncated");
                }
                pos += r;
            }
            byte[] out = in.readNBytes(length);
            if (out.length != length) {
                throw new IOException("dataset blob is truncated");
            }
            pos += length;
            return out;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
                in = null;
            }
        }
    }
}
