package io.widrow.datasets.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.widrow.engine.data.IdxReader;
import io.widrow.hostile.Mutator;
import io.widrow.system.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded mutations of valid CSV, JSON and IDX uploads straight into the parsers, as the upload endpoint drives them.
 * A case may parse or be refused with a 4xx ApiException (or an IOException / IllegalArgumentException, which the
 * service answers with 400); anything else - a RuntimeException, an Error, a 5xx - fails with the seed and case.
 * The timeout is a safety net against a hang, not a speed claim.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ParserFuzzTest {
    private static final int CASES = 2500;
    private static final long SEED = 20261127L;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final JsonTableReader json = new JsonTableReader(mapper);

    private static final String[] CSV = {
            "x1,x2,label\n1,2,a\n3,4,b\n5,6,a\n",
            "sepal length,sepal width,species\n5.1,3.5,setosa\n4.9,3.0,\"setosa\"\n7.0,3.2,versicolor\n",
            "1,2,3\n4,5,6\n7,8,9\n",
            "\uFEFFa;b,c,y\n\"1,5\",2,1.5\n-3e-2,+4,2.5\n"};
    private static final String[] JSON = {
            "[{\"x1\":1,\"x2\":2,\"label\":\"a\"},{\"x1\":3,\"x2\":4,\"label\":\"b\"}]",
            "{\"columns\":[\"a\",\"b\",\"label\"],\"rows\":[[1,2,\"x\"],[3.5,-4,\"y\"],[0,0,\"x\"]]}"};

    private ParseOptions options(Mutator m) {
        String label = switch (m.random().nextInt(4)) {
            case 0 -> "label";
            case 1 -> "0";
            case 2 -> "nope";
            default -> null;
        };
        Boolean header = m.random().nextInt(3) == 0 ? null : m.random().nextBoolean();
        return new ParseOptions(label, m.random().nextInt(4) == 0, header, m.random().nextBoolean(), 100_000, 1000);
    }

    @Test
    void csvParserAnswersEveryMutationWithADatasetOrA4xx() {
        Mutator m = new Mutator(SEED);
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = m.mutate(CSV[i % CSV.length].getBytes(StandardCharsets.UTF_8));
            ParseOptions o = options(m);
            parsed += outcome("csv", i, input, () -> CsvTableReader.read(open(input), o));
        }
        assertThat(parsed).as("mutations still parse sometimes, so the happy path is fuzzed too").isPositive();
    }

    @Test
    void jsonParserAnswersEveryMutationWithADatasetOrA4xx() {
        Mutator m = new Mutator(SEED + 1);
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] seed = JSON[i % JSON.length].getBytes(StandardCharsets.UTF_8);
            byte[] input = i % 2 == 0 ? m.mutate(seed) : mapper.writeValueAsBytes(m.mutate(mapper.readTree(seed)));
            ParseOptions o = options(m);
            parsed += outcome("json", i, input, () -> json.read(open(input), o));
        }
        assertThat(parsed).isPositive();
    }

    @Test
    void idxReaderAnswersEveryMutationWithADatasetOrA4xx() {
        Mutator m = new Mutator(SEED + 2);
        int parsed = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] images = m.idxImages();
            int count = images.length >= 8 ? java.nio.ByteBuffer.wrap(images, 4, 4).getInt() : 1;
            byte[] labels = m.idxLabels(count);
            if (m.random().nextInt(5) == 0) {
                images = gzip(images, m);
            }
            byte[] im = images;
            parsed += outcome("idx", i, im, () -> {
                BufferedInputStream in = Uploads.open(new ByteArrayInputStream(im), "the images part", 1 << 20, 1 << 20);
                IdxLimits.check(in, 1000, 100_000, 1000);
                return IdxReader.read(in, Uploads.open(new ByteArrayInputStream(labels), "the labels part", 1 << 20, 1 << 20), 1000);
            });
        }
        assertThat(parsed).isPositive();
    }

    private static byte[] gzip(byte[] b, Mutator m) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] z = out.toByteArray();
        return m.random().nextBoolean() ? z : m.mutate(z);
    }

    private static InputStream open(byte[] input) throws IOException {
        return Uploads.open(new ByteArrayInputStream(input), "the file", 1 << 20, 1 << 22);
    }

    interface Parse {
        Object run() throws IOException;
    }

    /** 1 when parsed, 0 when refused as the service would refuse it; fails on anything else. */
    private static int outcome(String what, int i, byte[] input, Parse parse) {
        try {
            assertThat(parse.run()).isNotNull();
            return 1;
        } catch (ApiException e) {
            if (!e.status().is4xxClientError() || e.getMessage() == null || e.getMessage().isBlank()) {
                fail("%s case %d (seed %d): %s without a 4xx detail for %s", what, i, SEED, e.status(), io.widrow.hostile.ParserFuzz.preview(input));
            }
        } catch (IOException | IllegalArgumentException e) {
            // the service turns these into a 400 naming the file
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " case " + i + " (seed " + SEED + ") threw " + e + " for " + io.widrow.hostile.ParserFuzz.preview(input), e);
        }
        return 0;
    }
}
