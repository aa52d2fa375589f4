package io.widrow.engine.train;

import io.widrow.engine.io.FloatArrays;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The checkpoint encoding shared by the network and linear trainers: big-endian binary, starting with the
 * magic "WDRC", a format version and the trainer kind, then the trainer's own fields. Arrays carry their
 * length so a checkpoint from another architecture fails loudly instead of misaligning. Readers accept
 * versions up to {@link #VERSION}.
 */
public final class CheckpointIo {
    static final int MAGIC = 0x57445243;
    public static final int VERSION = 1;

    private CheckpointIo() {
    }

    /** Writes a trainer's fields after the header. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutput out) throws IOException;
    }

    /** Reads a trainer's fields after the header. */
    @FunctionalInterface
    public interface Parser<T> {
        T read(DataInput in) throws IOException;
    }

    public static byte[] encode(String kind, Body body) {
        return encode(kind, 1 << 12, body);
    }

    /**
     * As {@link #encode(String, Body)}, into a buffer first sized for {@code expectedBytes}: a network's
     * checkpoint is megabytes, and growing from 4 KB copied it a dozen times.
     */
    public static byte[] encode(String kind, int expectedBytes, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, expectedBytes));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(kind);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** @throws CheckpointException when the bytes are not a complete checkpoint of {@code kind} */
    public static <T> T decode(byte[] state, String kind, Parser<T> parser) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(state);
        try (DataInputStream in = new DataInputStream(bytes)) {
            if (in.readInt() != MAGIC) {
                throw new CheckpointException("not a Widrow checkpoint");
            }
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new CheckpointException("checkpoint format version " + version + " is not supported (up to "
                        + VERSION + ")");
            }
            String saved = in.readUTF();
            if (!saved.equals(kind)) {
                throw new CheckpointException("the checkpoint is of a " + saved + " run, this run trains a " + kind);
            }
            T result = parser.read(in);
            if (bytes.available() > 0) {
                throw new CheckpointException("the checkpoint has " + bytes.available() + " unread bytes");
            }
            return result;
        } catch (IOException e) {
            // EOF or a length mismatch: the state belongs to something else or was cut short.
            throw new CheckpointException("the checkpoint does not match this run: " + e.getMessage(), e);
        }
    }

    public static void writeFloats(DataOutput out, float[] values) throws IOException {
        out.writeInt(values.length);
        FloatArrays.write(out, values);
    }

    /** Mutates {@code into}; the saved length must equal its length. */
    public static void readFloats(DataInput in, float[] into, String what) throws IOException {
        requireLength(in.readInt(), into.length, what);
        FloatArrays.read(in, into);
    }

    public static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    /** Mutates {@code into}; the saved length must equal its length. */
    public static void readDoubles(DataInput in, double[] into, String what) throws IOException {
        requireLength(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readDouble();
        }
    }

    public static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buf = ByteBuffer.allocate(values.length * Integer.BYTES);
        buf.asIntBuffer().put(values);
        out.write(buf.array());
    }

    /** Mutates {@code into}; the saved length must equal its length. */
    public static void readInts(DataInput in, int[] into, String what) throws IOException {
        requireLength(in.readInt(), into.length, what);
        byte[] raw = new byte[into.length * Integer.BYTES];
        in.readFully(raw);
        ByteBuffer.wrap(raw).asIntBuffer().get(into);
    }

    private static void requireLength(int saved, int expected, String what) throws IOException {
        if (saved != expected) {
            throw new IOException(what + " holds " + saved + " values in the checkpoint, " + expected + " in this run");
        }
    }
}
