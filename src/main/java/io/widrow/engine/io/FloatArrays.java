package io.widrow.engine.io;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Float arrays to and from a {@link DataOutput}/{@link DataInput} in the bytes {@code writeFloat} gives one
 * value at a time (big-endian IEEE 754), a block at a time. Checkpoints hold every weight and optimizer
 * moment: one {@code writeFloat} per value, through a {@code DataOutputStream} that writes each of its four
 * bytes separately, made a checkpoint of the course's network take longer than a training step, on the
 * training thread, every epoch. A block is 8 KB, so no array as large as the data is allocated for it.
 */
public final class FloatArrays {
    private static final int BLOCK_BYTES = 8 * 1024;

    private FloatArrays() {
    }

    /** Writes the values only (no length). */
    public static void write(DataOutput out, float[] values) throws IOException {
        byte[] block = new byte[Math.min(BLOCK_BYTES, Float.BYTES * values.length)];
        FloatBuffer view = ByteBuffer.wrap(block).asFloatBuffer();
        for (int i = 0; i < values.length; ) {
            int n = Math.min(block.length / Float.BYTES, values.length - i);
            view.clear();
            view.put(values, i, n);
            out.write(block, 0, n * Float.BYTES);
            i += n;
        }
    }

    /** Reads exactly {@code into.length} values into {@code into} (mutated). */
    public static void read(DataInput in, float[] into) throws IOException {
        byte[] block = new byte[Math.min(BLOCK_BYTES, Float.BYTES * into.length)];
        FloatBuffer view = ByteBuffer.wrap(block).asFloatBuffer();
        for (int i = 0; i < into.length; ) {
            int n = Math.min(block.length / Float.BYTES, into.length - i);
            in.readFully(block, 0, n * Float.BYTES);
            view.clear();
            view.get(into, i, n);
            i += n;
        }
    }
}
