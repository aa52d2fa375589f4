package io.widrow.datasets.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import io.widrow.engine.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetCodecTest {

    @Test
    void classificationRoundTrip() throws Exception {
        Dataset d = Dataset.classification(new float[] {1, 2, 3, 4, 5, 6}, 3, 2, new String[] {"a", "ünï"},
                new int[] {1, 0, 1}, new String[] {"cat", "dog"});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatasetCodec.write(d, out);
        byte[] bytes = out.toByteArray();
        Dataset back = DatasetCodec.read(new ByteArrayInputStream(bytes));
        assertThat(back.x()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(back.labels()).containsExactly(1, 0, 1);
        assertThat(back.classes()).containsExactly("cat", "dog");
        assertThat(back.featureNames()).containsExactly("a", "ünï");

        DatasetCodec.Header h = DatasetCodec.readHeader(new ByteArrayInputStream(bytes));
        assertThat(h.labelOffset() + 3 * 4).isEqualTo(bytes.length);
    }

    @Test
    void regressionRoundTrip() throws Exception {
        Dataset d = Dataset.regression(new float[] {1, 2}, 2, 1, new String[] {"x"}, new float[] {0.5f, -1.25f}, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DatasetCodec.write(d, out);
        Dataset back = DatasetCodec.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.task()).isEqualTo(Dataset.Task.REGRESSION);
        assertThat(back.targets()).containsExactly(0.5f, -1.25f);
    }

    @Test
    void classesSortNumericallyWhenAllNumeric() {
        assertThat(TableBuilder.sortClasses(List.of("10", "9", "-1", "2.5"))).containsExactly("-1", "2.5", "9", "10");
        assertThat(TableBuilder.sortClasses(List.of("b", "10", "a"))).containsExactly("10", "a", "b");
    }

    @Test
    void strictNumberParsing() {
        assertThat(TableBuilder.parse("1f")).isNaN();
        assertThat(TableBuilder.parse("0x10")).isNaN();
        assertThat(TableBuilder.parse(" 2.5e1 ")).isEqualTo(25f);
        assertThat(TableBuilder.isMissing("NaN")).isTrue();
        assertThat(TableBuilder.isMissing("-inf")).isTrue();
        assertThat(TableBuilder.isMissing("1e99")).isTrue();
        assertThat(TableBuilder.isMissing("abc")).isFalse();
    }
}
