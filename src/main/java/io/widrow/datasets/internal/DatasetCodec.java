package io.widrow.datasets.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.widrow.engine.data.Dataset;

/**
 * Compact binary form of a Dataset. Layout (little-endian):
 * <pre>
 * "WDS1" | u16 version | u8 task (0 classification, 1 regression) | i32 rows | i32 features | i32 targetCols
 * | i32 nNames, names (u16 length + UTF-8) | i32 nClasses, classes (same)
 * | float32[rows × features] (row-major)
 * | int32[rows] labels  or  float32[rows × targetCols] targets
 * </pre>
 * Labels follow all features so {@link #headerLength} plus arithmetic gives random access for previews.
 */
final class DatasetCodec {
    static final int VERSION = 1;
    private static final byte[] MAGIC = {'W', 'D', 'S', '1'};
    private static final int BUFFER = 64 * 1024;

    private DatasetCodec() {
    }

    /** Decoded header; {@code length} is the byte offset where the feature block starts. */
    record Header(Dataset.Task task, int rows, int features, int targetCols, String[] names, String[] classes, int length) {
        long labelOffset() {
            return length + (long) rows * features * 4;
        }
    }

    static void write(Dataset d, OutputStream out) throws IOException {
        byte[] header = header(d);
        out.write(header);
        ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        writeFloats(d.x(), d.rows() * d.features(), buf, out);
        if (d.isClassification()) {
            int[] labels = d.labels();
            for (int i = 0; i < d.rows(); i++) {
                if (buf.remaining() < 4) {
                    flush(buf, out);
                }
                buf.putInt(labels[i]);
            }
        } else {
            writeFloats(d.targets(), d.rows() * d.targetCols(), buf, out);
        }
        flush(buf, out);
    }

    private static byte[] header(Dataset d) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(bytes);
        h.write(MAGIC);
        ByteBuffer fixed = ByteBuffer.allocate(15).order(ByteOrder.LITTLE_ENDIAN);
        fixed.putShort((short) VERSION).put((byte) (d.isClassification() ? 0 : 1))
                .putInt(d.rows()).putInt(d.features()).putInt(d.targetCols());
        h.write(fixed.array());
        writeStrings(h, d.featureNames());
        writeStrings(h, d.classes());
        h.flush();
        return bytes.toByteArray();
    }

    private static void writeStrings(DataOutputStream h, String[] strings) throws IOException {
        h.write(le(strings.length));
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0xFFFF) {
                throw new IllegalArgumentException("name longer than 65535 bytes");
            }
            h.write(b.length & 0xFF);
            h.write((b.length >>> 8) & 0xFF);
            h.write(b);
        }
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static void writeFloats(float[] values, int count, ByteBuffer buf, OutputStream out) throws IOException {
        for (int i = 0; i < count; i++) {
            if (buf.remaining() < 4) {
                flush(buf, out);
            }
            buf.putFloat(values[i]);
        }
    }

    private static void flush(ByteBuffer buf, OutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    /** Bytes {@link #write} produces for {@code d}, without writing: what the storage quota is checked against. */
    static long encodedSize(Dataset d) {
        long size = MAGIC.length + 15 + stringsSize(d.featureNames()) + stringsSize(d.classes());
        size += 4L * d.rows() * d.features();
        size += d.isClassification() ? 4L * d.rows() : 4L * d.rows() * d.targetCols();
        return size;
    }

    private static long stringsSize(String[] strings) {
        long size = 4;
        for (String s : strings) {
            size += 2 + s.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    static Header readHeader(InputStream in) throws IOException {
        byte[] magic = readFully(in, 4);
        for (int i = 0; i < 4; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException("not a Widrow dataset blob");
            }
        }
        ByteBuffer fixed = ByteBuffer.wrap(readFully(in, 15)).order(ByteOrder.LITTLE_ENDIAN);
        int version = fixed.getShort();
        if (version != VERSION) {
            throw new IOException("unsupported dataset blob version " + version);
        }
        Dataset.Task task = fixed.get() == 0 ? Dataset.Task.CLASSIFICATION : Dataset.Task.REGRESSION;
        int rows = fixed.getInt();
        int features = fixed.getInt();
        int targetCols = fixed.getInt();
        int[] consumed = {19};
        String[] names = readStrings(in, consumed);
        String[] classes = readStrings(in, consumed);
        return new Header(task, rows, features, targetCols, names, classes, consumed[0]);
    }

    private static String[] readStrings(InputStream in, int[] consumed) throws IOException {
        int n = ByteBuffer.wrap(readFully(in, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        consumed[0] += 4;
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            byte[] len = readFully(in, 2);
            int l = (len[0] & 0xFF) | ((len[1] & 0xFF) << 8);
            out[i] = new String(readFully(in, l), StandardCharsets.UTF_8);
            consumed[0] += 2 + l;
        }
        return out;
    }

    /** Decodes a whole blob; {@code in} must be positioned at offset 0. */
    static Dataset read(InputStream in) throws IOException {
        Header h = readHeader(in);
        float[] x = readFloats(in, Math.multiplyExact(h.rows(), h.features()));
        if (h.task() == Dataset.Task.CLASSIFICATION) {
            int[] labels = readInts(in, h.rows());
            return Dataset.classification(x, h.rows(), h.features(), h.names(), labels, h.classes());
        }
        float[] targets = readFloats(in, Math.multiplyExact(h.rows(), h.targetCols()));
        return Dataset.regression(x, h.rows(), h.features(), h.names(), targets, h.targetCols());
    }

    static float[] readFloats(InputStream in, int count) throws IOException {
        float[] out = new float[count];
        byte[] chunk = new byte[BUFFER];
        int done = 0;
        while (done < count) {
            int n = Math.min(BUFFER / 4, count - done);
            readFully(in, chunk, n * 4);
            ByteBuffer.wrap(chunk, 0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out, done, n);
            done += n;
        }
        return out;
    }

    static int[] readInts(InputStream in, int count) throws IOException {
        int[] out = new int[count];
        byte[] chunk = new byte[BUFFER];
        int done = 0;
        while (done < count) {
            int n = Math.min(BUFFER / 4, count - done);
            readFully(in, chunk, n * 4);
            ByteBuffer.wrap(chunk, 0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out, done, n);
            done += n;
        }
        return out;
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        readFully(in, b, n);
        return b;
    }

    private static void readFully(InputStream in, byte[] b, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = in.read(b, off, n - off);
            if (r < 0) {
                throw new EOFException("dataset blob is truncated");
            }
            off += r;
        }
    }
}
