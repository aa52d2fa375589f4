package io.widrow.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Builders for hostile bytes: IDX files with chosen headers, gzip (bombs included), fixtures, deep nesting. */
final class Payloads {
    private Payloads() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An IDX3 image header followed by {@code pixels} bytes of value {@code fill}. */
    static byte[] idxImages(int magic, int count, int rows, int cols, int pixels, int fill) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < pixels; i++) {
            b.put((byte) fill);
        }
        return b.array();
    }

    static byte[] idxLabels(int magic, int count, int labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels);
        b.putInt(magic).putInt(count);
        for (int i = 0; i < labels; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] content) {
        return gzip(content, 1);
    }

    /** {@code content} repeated {@code times}: a bomb when large, streamed so the test never holds it inflated. */
    static byte[] gzip(byte[] content, int times) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            for (int i = 0; i < times; i++) {
                gz.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A gzip bomb whose inflated form is an IDX header followed by {@code pixelBytes} zero bytes. */
    static byte[] idxBomb(int count, int side, long pixelBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            gz.write(ByteBuffer.allocate(16).putInt(0x803).putInt(count).putInt(side).putInt(side).array());
            byte[] zeros = new byte[1 << 16];
            for (long done = 0; done < pixelBytes; done += zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, pixelBytes - done));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first half: cut inside the deflate data, whatever the compressed size. */
    static byte[] firstHalf(byte[] b) {
        return java.util.Arrays.copyOf(b, b.length / 2);
    }

    static byte[] randomBytes(long seed, int n, int min, int max) {
        Random r = new Random(seed);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (min + r.nextInt(max - min + 1));
        }
        return out;
    }

    static String nested(String open, int depth) {
        return open.repeat(depth);
    }

    /** A CSV of {@code rows} rows × {@code features} numeric columns plus a two-class label. */
    static String csv(int rows, int features) {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < features; f++) {
            sb.append('f').append(f).append(',');
        }
        sb.append("label\n");
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                sb.append((r * 31 + f * 7) % 13).append(',');
            }
            sb.append(r % 2 == 0 ? "a" : "b").append('\n');
        }
        return sb.toString();
    }
}
