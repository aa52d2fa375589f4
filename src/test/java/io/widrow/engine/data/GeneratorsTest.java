package io.widrow.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorsTest {
    private static final String KINDS = "and,or,xor,rings,spirals,moons,gaussians";

    @ParameterizedTest
    @ValueSource(strings = {"and", "or", "xor", "rings", "spirals", "moons", "gaussians"})
    void sameSeedSameData_otherSeedOtherData(String kind) {
        Dataset a = Generators.generate(new GeneratorSpec(kind, 200, 0.1, 42));
        Dataset b = Generators.generate(new GeneratorSpec(kind, 200, 0.1, 42));
        Dataset c = Generators.generate(new GeneratorSpec(kind, 200, 0.1, 43));
        assertThat(a.x()).containsExactly(b.x());
        assertThat(a.labels()).containsExactly(b.labels());
        assertThat(a.x()).isNotEqualTo(c.x());
    }

    @ParameterizedTest
    @ValueSource(strings = {"and", "or", "xor", "rings", "spirals", "moons", "gaussians"})
    void hasRequestedSizeTwoFeaturesAndBalancedClasses(String kind) {
        Dataset d = Generators.generate(new GeneratorSpec(kind, 1000, 0.2, 7));
        assertThat(d.rows()).isEqualTo(1000);
        assertThat(d.features()).isEqualTo(2);
        assertThat(d.x()).hasSize(2000);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.isClassification()).isTrue();
        if (!kind.equals("and") && !kind.equals("or")) {
            assertThat(d.classCounts()).containsExactly(500, 500);
        }
        for (float v : d.x()) {
            assertThat(Float.isFinite(v)).isTrue();
        }
    }

    @Test
    void oddSizesStayWithinOneOfBalanced() {
        for (String kind : new String[] {"rings", "spirals", "moons"}) {
            int[] counts = Generators.generate(new GeneratorSpec(kind, 101, 0, 1)).classCounts();
            assertThat(counts[0] + counts[1]).isEqualTo(101);
            assertThat(Math.abs(counts[0] - counts[1])).as(kind).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void truthTablesRepeatTheFourCornersWithoutNoise() {
        Dataset and = Generators.generate(new GeneratorSpec("and", 8, 0, 1));
        Dataset or = Generators.generate(new GeneratorSpec("or", 8, 0, 1));
        Dataset xor = Generators.generate(new GeneratorSpec("xor", 8, 0, 1));
        assertThat(xor.classes()).containsExactly("0", "1");
        for (int i = 0; i < 8; i++) {
            int a = (int) xor.feature(i, 0);
            int b = (int) xor.feature(i, 1);
            assertThat(xor.feature(i, 0)).isIn(0f, 1f);
            assertThat(xor.feature(i, 1)).isIn(0f, 1f);
            assertThat(and.labels()[i]).isEqualTo(a & b);
            assertThat(or.labels()[i]).isEqualTo(a | b);
            assertThat(xor.labels()[i]).isEqualTo(a ^ b);
        }
        // all four corners occur in the first four rows
        assertThat(new float[] {xor.feature(0, 0) * 2 + xor.feature(0, 1), xor.feature(1, 0) * 2 + xor.feature(1, 1),
                xor.feature(2, 0) * 2 + xor.feature(2, 1), xor.feature(3, 0) * 2 + xor.feature(3, 1)})
                .containsExactlyInAnyOrder(0f, 1f, 2f, 3f);
    }

    @Test
    void noiseMovesTruthTablePoints() {
        Dataset d = Generators.generate(new GeneratorSpec("xor", 400, 0.3, 5));
        double sq = 0;
        for (int i = 0; i < d.rows(); i++) {
            double dx = d.feature(i, 0) - Math.round(d.feature(i, 0));
            sq += dx * dx;
        }
        assertThat(Math.sqrt(sq / d.rows())).isBetween(0.15, 0.45);
    }

    @Test
    void ringsWithoutNoiseLieOnTheirRadii() {
        Dataset d = Generators.generate(new GeneratorSpec("rings", 500, 0, 3));
        for (int i = 0; i < d.rows(); i++) {
            double r = Math.hypot(d.feature(i, 0), d.feature(i, 1));
            assertThat(r).isCloseTo(d.labels()[i] == 0 ? 1.0 : 2.0, within(1e-5));
        }
        Dataset custom = Generators.generate(new GeneratorSpec("rings", 10, 0, 3, 0.5, 3, 2));
        assertThat(Math.hypot(custom.feature(1, 0), custom.feature(1, 1))).isCloseTo(3.0, within(1e-5));
    }

    @Test
    void gaussiansHonourClassCount() {
        Dataset d = Generators.generate(new GeneratorSpec("gaussians", 300, 0, 9, 1, 2, 3));
        assertThat(d.classes()).containsExactly("0", "1", "2");
        assertThat(d.classCounts()).containsExactly(100, 100, 100);
    }

    @Test
    void specRejectsBadValuesAndEchoesThem() {
        assertThatThrownBy(() -> new GeneratorSpec("circle", 10, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'circle'").hasMessageContaining(KINDS.split(",")[6]);
        assertThatThrownBy(() -> new GeneratorSpec("xor", 0, 0, 1)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new GeneratorSpec("xor", 1_000_001, 0, 1)).hasMessageContaining("1000001");
        assertThatThrownBy(() -> new GeneratorSpec("xor", 10, -0.1, 1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new GeneratorSpec("xor", 10, Double.NaN, 1)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new GeneratorSpec("rings", 10, 0, 1, 2, 1, 2)).hasMessageContaining("inner=2.0");
        assertThatThrownBy(() -> new GeneratorSpec("rings", 10, 0, 1, 0, 1, 2)).hasMessageContaining("inner=0.0");
        assertThatThrownBy(() -> new GeneratorSpec("gaussians", 10, 0, 1, 1, 2, 11)).hasMessageContaining("got 11");
        assertThatThrownBy(() -> new GeneratorSpec("gaussians", 10, 0, 1, 1, 2, 1)).hasMessageContaining("got 1");
        GeneratorSpec defaults = new GeneratorSpec("rings", 10, 0, 1);
        assertThat(defaults.innerRadius()).isEqualTo(1);
        assertThat(defaults.outerRadius()).isEqualTo(2);
        assertThat(defaults.classes()).isEqualTo(2);
    }
}
