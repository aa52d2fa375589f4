package io.widrow.engine.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.widrow.engine.data.Dataset;
import org.junit.jupiter.api.Test;

class FeatureMapTest {
    private static final float[] TWO_ROWS = {2, 3, -1, 4};

    @Test
    void interactionsOfTwoFeaturesIsTheNotesMap() {
        FeatureMap m = FeatureMap.of("interactions");
        assertThat(m.outputSize(2)).isEqualTo(3);
        assertThat(m.outputNames(new String[] {"x1", "x2"})).containsExactly("x1", "x2", "x1*x2");
        float[] out = new float[6];
        m.apply(TWO_ROWS, 2, 2, out);
        assertThat(out).containsExactly(2, 3, 6, -1, 4, -4);
    }

    @Test
    void interactionsOfThreeFeatures() {
        FeatureMap m = FeatureMap.of("interactions");
        assertThat(m.outputSize(3)).isEqualTo(6);
        assertThat(m.outputNames(new String[] {"a", "b", "c"})).containsExactly("a", "b", "c", "a*b", "a*c", "b*c");
        float[] out = new float[6];
        m.apply(new float[] {2, 3, 5}, 1, 3, out);
        assertThat(out).containsExactly(2, 3, 5, 6, 10, 15);
    }

    @Test
    void poly2AddsSquaresAndProducts() {
        FeatureMap m = FeatureMap.of("poly2");
        assertThat(m.outputSize(2)).isEqualTo(5);
        assertThat(m.outputSize(3)).isEqualTo(9);
        assertThat(m.outputNames(new String[] {"x1", "x2"})).containsExactly("x1", "x2", "x1^2", "x1*x2", "x2^2");
        float[] out = new float[10];
        m.apply(TWO_ROWS, 2, 2, out);
        assertThat(out).containsExactly(2, 3, 4, 6, 9, -1, 4, 1, -4, 16);
    }

    @Test
    void noneIsIdentityAndDatasetApplyKeepsLabels() {
        FeatureMap none = FeatureMap.of("none");
        assertThat(none.outputSize(7)).isEqualTo(7);
        Dataset d = Dataset.classification(TWO_ROWS.clone(), 2, 2, new String[] {"x1", "x2"}, new int[] {0, 1},
                new String[] {"a", "b"});
        Dataset mapped = FeatureMap.of("interactions").apply(d);
        assertThat(mapped.features()).isEqualTo(3);
        assertThat(mapped.x()).containsExactly(2, 3, 6, -1, 4, -4);
        assertThat(mapped.featureNames()).containsExactly("x1", "x2", "x1*x2");
        assertThat(mapped.labels()).containsExactly(0, 1);
        assertThat(d.x()).containsExactly(TWO_ROWS);
        assertThat(none.apply(d).x()).containsExactly(TWO_ROWS);
    }

    @Test
    void unknownNamesAreRejectedWithTheChoices() {
        assertThatThrownBy(() -> FeatureMap.requireKnown("cubic")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cubic'").hasMessageContaining("none").hasMessageContaining("interactions")
                .hasMessageContaining("poly2");
        assertThatThrownBy(() -> FeatureMap.of(null)).isInstanceOf(IllegalArgumentException.class);
        FeatureMap.requireKnown("poly2");
    }

    @Test
    void hugeInputsAreRejectedInsteadOfOverflowing() {
        assertThatThrownBy(() -> FeatureMap.of("poly2").outputSize(100_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5000150000");
        assertThatThrownBy(() -> FeatureMap.of("interactions").outputSize(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would create");
        assertThat(FeatureMap.of("poly2").outputSize(784)).isEqualTo(784 + 784 * 785 / 2);
    }

    @Test
    void tooSmallOutputIsRejected() {
        assertThatThrownBy(() -> FeatureMap.of("poly2").apply(TWO_ROWS, 2, 2, new float[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9 floats");
    }
}
