package io.widrow.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** Running statistics are model state that survives training, so their bookkeeping is pinned by hand. */
class NormalizationTest {
    @Test
    void batchNormUpdatesRunningStatsAndUsesThemAtInference() {
        BatchNorm bn = new BatchNorm(1, 0.9, 1e-5);
        Matrix x = Matrix.of(new float[] {1}, new float[] {3});
        Matrix y = bn.forward(x, true);
        // batch mean 2, biased variance 1 → outputs ±1/√(1+ε)
        assertThat(y.get(0, 0)).isCloseTo(-1f, within(1e-4f));
        assertThat(y.get(1, 0)).isCloseTo(1f, within(1e-4f));
        assertThat(bn.buffers()).extracting(Parameter::name).containsExactly("running_mean", "running_var");
        assertThat(bn.buffers().get(0).value()[0]).isCloseTo(0.2f, within(1e-6f));
        assertThat(bn.buffers().get(1).value()[0]).isCloseTo(1f, within(1e-6f));
        assertThat(bn.parameters()).extracting(Parameter::name).containsExactly("gamma", "beta");
        assertThat(bn.parameters()).noneMatch(Parameter::decays);

        Matrix inference = bn.forward(Matrix.of(new float[] {1.2f}), false);
        assertThat(inference.get(0, 0)).isCloseTo((float) (1.0 / Math.sqrt(1 + 1e-5)), within(1e-5f));
        assertThat(bn.buffers().get(0).value()[0]).isCloseTo(0.2f, within(1e-6f));
    }

    @Test
    void layerNormNormalizesEachRow() {
        LayerNorm ln = new LayerNorm(3, 1e-5);
        Matrix y = ln.forward(Matrix.of(new float[] {1, 2, 3}, new float[] {10, 10, 40}), false);
        for (int r = 0; r < 2; r++) {
            float[] row = y.row(r);
            assertThat(row[0] + row[1] + row[2]).isCloseTo(0f, within(1e-5f));
            assertThat(row[0] * row[0] + row[1] * row[1] + row[2] * row[2]).isCloseTo(3f, within(1e-3f));
        }
    }

    @Test
    void rejectsBadHyperparametersEchoingThem() {
        assertThatThrownBy(() -> new BatchNorm(3, 1.5, 1e-5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new BatchNorm(3, 0.9, 0)).hasMessageContaining("0.0");
        assertThatThrownBy(() -> new LayerNorm(0, 1e-5)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new Dense(0, 2, TestNets.gaussian(1), new io.widrow.engine.tensor.Rng(1)))
                .hasMessageContaining("in=0");
    }
}
