package io.widrow.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    /** n images of 2×3 pixels, pixel k of image i = (i * 6 + k) * 10. */
    private static byte[] images(int magic, int n, int... dims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(n);
        int size = 1;
        for (int d : dims) {
            out.writeInt(d);
            size *= Math.max(d, 0);
        }
        for (int i = 0; i < n * size; i++) {
            out.writeByte((i * 10) & 0xFF);
        }
        return bytes.toByteArray();
    }

    private static byte[] labels(int magic, int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(values.length);
        for (int v : values) {
            out.writeByte(v);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static Dataset read(byte[] images, byte[] labels, int maxRows) throws IOException {
        return IdxReader.read(new ByteArrayInputStream(images), new ByteArrayInputStream(labels), maxRows);
    }

    private void assertRoundTrip(Dataset d) {
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.features()).isEqualTo(6);
        assertThat(d.featureNames()).startsWith("px0", "px1").endsWith("px5");
        assertThat(d.feature(0, 1)).isCloseTo(10 / 255f, within(1e-7f));
        assertThat(d.feature(2, 5)).isCloseTo(170 / 255f, within(1e-7f));
        assertThat(d.classes()).containsExactly("2", "7", "10");
        assertThat(d.labels()).containsExactly(1, 0, 2);
    }

    @Test
    void readsPlainAndGzippedFilesFromDisk() throws IOException {
        byte[] img = images(0x803, 3, 2, 3);
        byte[] lab = labels(0x801, 7, 2, 10);
        assertRoundTrip(IdxReader.read(write("img", img), write("lab", lab), 100));
        assertRoundTrip(IdxReader.read(write("img.gz", gzip(img)), write("lab.gz", gzip(lab)), 100));
        assertRoundTrip(IdxReader.read(write("img2.gz", gzip(img)), write("lab2", lab), 100));
    }

    @Test
    void maxRowsLimitsWhatIsRead() throws IOException {
        Dataset d = read(images(0x803, 3, 2, 3), labels(0x801, 7, 2, 10), 2);
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.x()).hasSize(12);
        assertThat(d.classes()).containsExactly("2", "7");
    }

    @Test
    void readsIdx2MatricesWithXNames() throws IOException {
        Dataset d = read(images(0x802, 2, 4), labels(0x801, 0, 1), 10);
        assertThat(d.features()).isEqualTo(4);
        assertThat(d.featureNames()).containsExactly("x1", "x2", "x3", "x4");
    }

    @Test
    void wrongMagicNamesTheFileAndPrintsHex() throws IOException {
        byte[] lab = labels(0x801, 1, 2, 3);
        assertThatThrownBy(() -> read(images(0x1234, 3, 2, 3), lab, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("images").hasMessageContaining("magic").hasMessageContaining("0x00001234");
        assertThatThrownBy(() -> read(images(0x803, 3, 2, 3), labels(0x803, 1, 2, 3), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("labels").hasMessageContaining("magic").hasMessageContaining("0x00000803");
        Path bad = write("bad-images", images(0x1234, 3, 2, 3));
        assertThatThrownBy(() -> IdxReader.read(bad, write("ok-labels", lab), 10))
                .hasMessageContaining(bad.toString());
    }

    @Test
    void truncatedFilesNameTheFile() throws IOException {
        byte[] img = images(0x803, 3, 2, 3);
        byte[] lab = labels(0x801, 1, 2, 3);
        byte[] cut = Arrays.copyOf(img, img.length - 1);
        assertThatThrownBy(() -> read(cut, lab, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("images").hasMessageContaining("truncated").hasMessageContaining("2 items");
        assertThatThrownBy(() -> read(gzip(cut), lab, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("images").hasMessageContaining("truncated");
        byte[] gz = gzip(img);
        assertThatThrownBy(() -> read(Arrays.copyOf(gz, gz.length - 12), lab, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> read(img, Arrays.copyOf(lab, lab.length - 1), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("labels").hasMessageContaining("truncated");
        assertThatThrownBy(() -> read(Arrays.copyOf(img, 6), lab, 10))
                .hasMessageStartingWith("images").hasMessageContaining("truncated header");
    }

    @Test
    void corruptGzipDataNamesTheFile() throws IOException {
        byte[] gz = gzip(images(0x803, 3, 2, 3));
        // keep the 10-byte gzip header, then garbage: deflate rejects the block type or codes
        for (int i = 10; i < gz.length; i++) {
            gz[i] = (byte) 0xFF;
        }
        assertThatThrownBy(() -> read(gz, labels(0x801, 1, 2, 3), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("images");
    }

    @Test
    void countMismatchNamesBothFiles() {
        assertThatThrownBy(() -> read(images(0x803, 3, 2, 3), labels(0x801, 1, 2), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("images declares 3").hasMessageContaining("labels declares 2");
    }

    @Test
    void zeroOrImplausibleDimensionsAreRejectedBeforeAllocating() throws IOException {
        byte[] lab = labels(0x801, 1, 2, 3);
        assertThatThrownBy(() -> read(images(0x803, 3, 0, 3), lab, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("images").hasMessageContaining("dimension 1 must be > 0, got 0");
        assertThatThrownBy(() -> read(images(0x803, 0, 2, 3), labels(0x801), 10))
                .hasMessageContaining("item count must be > 0, got 0");
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(header);
        out.writeInt(0x803);
        out.writeInt(3);
        out.writeInt(100_000);
        out.writeInt(100_000);
        assertThatThrownBy(() -> read(header.toByteArray(), lab, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("implausible")
                .hasMessageContaining("10000000000");
    }

    @Test
    void rejectsNonPositiveMaxRows() {
        assertThatThrownBy(() -> read(images(0x803, 1, 1, 1), labels(0x801, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }

    @Test
    void readsFashionMnistWhenInstalled() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FASHION), "dataset-fashion-mnist not installed");
        Path images = FASHION.resolve("t10k-images-idx3-ubyte.gz");
        Path labels = FASHION.resolve("t10k-labels-idx1-ubyte.gz");
        Assumptions.assumeTrue(Files.isReadable(images) && Files.isReadable(labels), "test files missing");
        Dataset d = IdxReader.read(images, labels, 100);
        assertThat(d.rows()).isEqualTo(100);
        assertThat(d.features()).isEqualTo(784);
        assertThat(d.classCount()).isBetween(2, 10);
        for (String c : d.classes()) {
            assertThat(Integer.parseInt(c)).isBetween(0, 9);
        }
        float max = 0;
        for (float v : d.x()) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
        }
        assertThat(max).isGreaterThan(0.5f);
        // the first Fashion-MNIST test item is an ankle boot (label 9)
        assertThat(d.classes()[d.labels()[0]]).isEqualTo("9");
    }

}
