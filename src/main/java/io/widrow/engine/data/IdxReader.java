package io.widrow.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an IDX images/labels pair (the MNIST format), gzipped or not, into a classification Dataset.
 *
 * <p>Headers are untrusted: nothing is allocated beyond {@code min(declared count, maxRows) × features},
 * so a lying header or a gzip bomb cannot make this reserve more than the caller asked for. Only the rows
 * actually read are checked for truncation; the unread rest of the file is never looked at.
 */
public final class IdxReader {
    static final int MAGIC_IMAGES = 0x00000803;
    static final int MAGIC_MATRIX = 0x00000802;
    static final int MAGIC_LABELS = 0x00000801;
    /** Above this many values per item the header is more likely corrupt than a real image. */
    static final int MAX_FEATURES = 1_000_000;
    private static final int BUFFER = 1 << 16;
    /** First allocation for pixels (4 MB); later growth doubles. */
    private static final int INITIAL_VALUES = 1 << 20;

    private IdxReader() {
    }

    /**
     * Reads an IDX3 (or IDX2) image file and an IDX1 label file; gzip is detected from the magic bytes.
     * Pixels are scaled to [0, 1]. Format problems (wrong magic, wrong dimensions, truncation, count
     * mismatch) throw IllegalArgumentException with a message saying which file and what; at most
     * {@code maxRows} rows are read (fewer if the file is shorter). The streams are not closed.
     */
    public static Dataset read(InputStream images, InputStream labels, int maxRows) throws IOException {
        return read(images, "images", labels, "labels", maxRows);
    }

    /** As {@link #read(InputStream, InputStream, int)}, naming the paths in error messages. */
    public static Dataset read(Path images, Path labels, int maxRows) throws IOException {
        try (InputStream in = Files.newInputStream(images); InputStream lb = Files.newInputStream(labels)) {
            return read(in, "images file " + images, lb, "labels file " + labels, maxRows);
        }
    }

    private static Dataset read(InputStream imagesIn, String imagesName, InputStream labelsIn, String labelsName,
                                int maxRows) throws IOException {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        DataInputStream images = open(imagesIn, imagesName);
        DataInputStream labels = open(labelsIn, labelsName);
        int imageMagic = readInt(images, imagesName, "magic number");
        if (imageMagic != MAGIC_IMAGES && imageMagic != MAGIC_MATRIX) {
            throw new IllegalArgumentException(imagesName + ": wrong magic number " + hex(imageMagic)
                    + ", expected " + hex(MAGIC_IMAGES) + " (images) or " + hex(MAGIC_MATRIX) + " (matrix)");
        }
        int count = positive(readInt(images, imagesName, "item count"), imagesName, "item count");
        long features = positive(readInt(images, imagesName, "dimension 1"), imagesName, "dimension 1");
        if (imageMagic == MAGIC_IMAGES) {
            features *= positive(readInt(images, imagesName, "dimension 2"), imagesName, "dimension 2");
        }
        if (features > MAX_FEATURES) {
            throw new IllegalArgumentException(imagesName + ": implausible item size " + features
                    + " values (more than " + MAX_FEATURES + ")");
        }
        int labelMagic = readInt(labels, labelsName, "magic number");
        if (labelMagic != MAGIC_LABELS) {
            throw new IllegalArgumentException(labelsName + ": wrong magic number " + hex(labelMagic)
                    + ", expected " + hex(MAGIC_LABELS));
        }
        int labelCount = positive(readInt(labels, labelsName, "item count"), labelsName, "item count");
        if (labelCount != count) {
            throw new IllegalArgumentException(imagesName + " declares " + count + " items but " + labelsName
                    + " declares " + labelCount);
        }
        int rows = Math.min(count, maxRows);
        int cols = (int) features;
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(imagesName + ": " + rows + " rows of " + cols
                    + " values do not fit in one array; lower maxRows");
        }
        float[] x = readPixels(images, imagesName, rows, cols, count);
        int[] raw = readLabels(labels, labelsName, rows, count);
        String[] names = imageMagic == MAGIC_IMAGES ? prefixed("px", 0, cols) : prefixed("x", 1, cols);
        return toClasses(x, rows, cols, names, raw);
    }

    /**
     * Grows the array as rows actually arrive: a 16-byte file whose header claims 2,000 items of 1000×1000 values
     * must fail as truncated, not first reserve 8 GB.
     */
    private static float[] readPixels(DataInputStream in, String name, int rows, int cols, int count)
            throws IOException {
        float[] x = new float[(int) Math.min((long) rows * cols, Math.max(cols, INITIAL_VALUES))];
        byte[] row = new byte[cols];
        for (int r = 0; r < rows; r++) {
            try {
                in.readFully(row);
            } catch (EOFException e) {
                throw truncated(name, r, count);
            } catch (ZipException e) {
                throw corrupt(name, e);
            }
            int base = r * cols;
            if (base + cols > x.length) {
                x = Arrays.copyOf(x, (int) Math.min((long) rows * cols, Math.max(2L * x.length, base + cols)));
            }
            for (int c = 0; c < cols; c++) {
                x[base + c] = (row[c] & 0xFF) / 255f;
            }
        }
        return x;
    }

    private static int[] readLabels(DataInputStream in, String name, int rows, int count) throws IOException {
        byte[] bytes = new byte[rows];
        int got = 0;
        try {
            // a cut gzip stream throws EOFException instead of returning a short read
            got = in.readNBytes(bytes, 0, rows);
        } catch (EOFException e) {
            throw truncated(name, 0, count);
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
        if (got < rows) {
            throw truncated(name, got, count);
        }
        int[] raw = new int[rows];
        for (int i = 0; i < rows; i++) {
            raw[i] = bytes[i] & 0xFF;
        }
        return raw;
    }

    /** Classes are the distinct label values in numeric order, so label 7 is class "7" whatever else occurs. */
    private static Dataset toClasses(float[] x, int rows, int cols, String[] names, int[] raw) {
        int[] indexOf = new int[256];
        boolean[] seen = new boolean[256];
        for (int v : raw) {
            seen[v] = true;
        }
        int k = 0;
        for (int v = 0; v < 256; v++) {
            indexOf[v] = seen[v] ? k++ : -1;
        }
        String[] classes = new String[k];
        for (int v = 0; v < 256; v++) {
            if (seen[v]) {
                classes[indexOf[v]] = Integer.toString(v);
            }
        }
        for (int i = 0; i < rows; i++) {
            raw[i] = indexOf[raw[i]];
        }
        return Dataset.classification(x, rows, cols, names, raw, classes);
    }

    /** Peeks at the first two bytes: 0x1f 0x8b means gzip. */
    private static DataInputStream open(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new DataInputStream(new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER));
            } catch (ZipException | EOFException e) {
                throw new IllegalArgumentException(name + ": corrupt gzip header (" + e.getMessage() + ")", e);
            }
        }
        return new DataInputStream(buffered);
    }

    private static int readInt(DataInputStream in, String name, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + ": truncated header, end of file while reading the " + what, e);
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
    }

    private static int positive(int value, String name, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + what + " must be > 0, got " + value);
        }
        return value;
    }

    private static IllegalArgumentException truncated(String name, int itemsRead, int count) {
        return new IllegalArgumentException(name + ": truncated, end of file after " + itemsRead
                + " items of the declared " + count);
    }

    private static IllegalArgumentException corrupt(String name, ZipException e) {
        return new IllegalArgumentException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }

    private static String[] prefixed(String prefix, int first, int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = prefix + (first + i);
        }
        return names;
    }
}
