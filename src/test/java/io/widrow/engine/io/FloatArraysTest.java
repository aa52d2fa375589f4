package io.widrow.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Block writes must give the bytes that one {@code writeFloat} per value gave: saved checkpoints hold them. */
class FloatArraysTest {
    @Test
    void writesTheBytesOfWriteFloatAndReadsThemBack() throws IOException {
        Random rng = new Random(3);
        // Around the 2,048-float block, and the special values.
        for (int n : new int[] {0, 1, 2_047, 2_048, 2_049, 5_000}) {
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) rng.nextGaussian();
            }
            if (n > 4) {
                values[0] = Float.NaN;
                values[1] = -0f;
                values[2] = Float.NEGATIVE_INFINITY;
                values[3] = Float.MIN_VALUE;
            }
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(one)) {
                for (float v : values) {
                    out.writeFloat(v);
                }
            }
            ByteArrayOutputStream blocks = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(blocks)) {
                FloatArrays.write(out, values);
            }
            assertThat(blocks.toByteArray()).as("%d values", n).isEqualTo(one.toByteArray());

            float[] back = new float[n];
            FloatArrays.read(new DataInputStream(new ByteArrayInputStream(one.toByteArray())), back);
            assertThat(Arrays.equals(back, values)).as("%d values read back", n).isTrue();
        }
    }

    @Test
    void aShortInputIsAnEndOfFileNotAPartialArray() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            FloatArrays.write(out, new float[3_000]);
        }
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), 4 * 3_000 - 1);
        assertThatThrownBy(() -> FloatArrays.read(new DataInputStream(new ByteArrayInputStream(cut)), new float[3_000]))
                .isInstanceOf(EOFException.class);
    }
}
