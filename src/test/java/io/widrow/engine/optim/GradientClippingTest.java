package io.widrow.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
    private static Parameter grad(float... g) {
        return new Parameter("p", new float[g.length], g, 1, g.length, true);
    }

    @Test
    void globalNormScalesAllGradientsTogether() {
        Parameter a = grad(3f, 0f);
        Parameter b = grad(0f, -4f);
        // global norm = sqrt(9 + 16) = 5 > 1: scale by 1/5
        double norm = GradientClipping.clipByGlobalNorm(List.of(a, b), 1.0);
        assertThat(norm).isEqualTo(5.0);
        assertThat(a.grad()[0]).isCloseTo(0.6f, within(1e-7f));
        assertThat(b.grad()[1]).isCloseTo(-0.8f, within(1e-7f));
    }

    @Test
    void globalNormBelowTheLimitLeavesGradientsAlone() {
        Parameter a = grad(3f, -4f);
        assertThat(GradientClipping.clipByGlobalNorm(List.of(a), 5.0)).isEqualTo(5.0);
        assertThat(a.grad()).containsExactly(3f, -4f);
    }

    @Test
    void clipByValueClampsEachElement() {
        Parameter a = grad(0.5f, -3f, 2f, -0.1f);
        assertThat(GradientClipping.clipByValue(List.of(a), 1.0)).isEqualTo(2);
        assertThat(a.grad()).containsExactly(0.5f, -1f, 1f, -0.1f);
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThatThrownBy(() -> GradientClipping.clipByGlobalNorm(List.of(), 0)).hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> GradientClipping.clipByValue(List.of(), -1)).hasMessageContaining("got -1.0");
    }
}
