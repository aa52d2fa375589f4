package io.widrow.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.widrow.engine.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed steps on θ = [1, −2] with the fixed gradient g = [0.5, −1] and α = 0.1. */
class OptimizerUpdateTest {
    private static final float TOL = 1e-6f;

    static Parameter param(boolean decays) {
        return new Parameter("W", new float[] {1f, -2f}, new float[] {0.5f, -1f}, 1, 2, decays);
    }

    private static float[] step(Optimizer opt, Parameter p) {
        opt.step(List.of(p), 0.1);
        return p.value().clone();
    }

    private static void expect(float[] actual, double... expected) {
        assertThat(actual[0]).isCloseTo((float) expected[0], within(TOL));
        assertThat(actual[1]).isCloseTo((float) expected[1], within(TOL));
    }

    @Test
    void sgd() {
        Parameter p = param(true);
        Optimizer opt = new Sgd(0);
        expect(step(opt, p), 0.95, -1.9); // 1 − 0.1·0.5, −2 − 0.1·(−1)
        expect(step(opt, p), 0.90, -1.8);
        assertThat(p.grad()).containsExactly(0.5f, -1f);
    }

    @Test
    void sgdWeightDecayOnlyOnDecayingParameters() {
        Parameter w = param(true);
        Parameter b = param(false);
        new Sgd(0.1).step(List.of(w, b), 0.1);
        // g' = g + 0.1·θ = [0.5 + 0.1, −1 − 0.2] = [0.6, −1.2]; θ − 0.1·g' = [0.94, −1.88]
        expect(w.value(), 0.94, -1.88);
        expect(b.value(), 0.95, -1.9);
        assertThat(w.grad()).containsExactly(0.5f, -1f);
    }

    @Test
    void momentum() {
        Parameter p = param(false);
        Optimizer opt = new Momentum(0.9, 0);
        // v = −0.1·[0.5, −1] = [−0.05, 0.1]; θ = [0.95, −1.9]
        expect(step(opt, p), 0.95, -1.9);
        // v = 0.9·[−0.05, 0.1] − [0.05, −0.1] = [−0.095, 0.19]; θ = [0.855, −1.71]
        expect(step(opt, p), 0.855, -1.71);
        // v = 0.9·[−0.095, 0.19] − [0.05, −0.1] = [−0.1355, 0.271]; θ = [0.7195, −1.439]
        expect(step(opt, p), 0.7195, -1.439);
    }

    @Test
    void setMomentumChangesTheNextStep() {
        Parameter p = param(false);
        Optimizer opt = new Momentum(0.9, 0);
        step(opt, p);
        opt.setMomentum(0);
        assertThat(opt.momentum()).isZero();
        // γ = 0: v = −0.1·g = [−0.05, 0.1], the old velocity is forgotten; θ = [0.9, −1.8]
        expect(step(opt, p), 0.9, -1.8);
        opt.setMomentum(0.5);
        // v = 0.5·[−0.05, 0.1] − [0.05, −0.1] = [−0.075, 0.15]; θ = [0.825, −1.65]
        expect(step(opt, p), 0.825, -1.65);
    }

    @Test
    void nesterov() {
        Parameter p = param(false);
        Optimizer opt = new Nesterov(0.9, 0);
        // v = [−0.05, 0.1]; θ = θ + 0.9·v − 0.1·g = [1 − 0.045 − 0.05, −2 + 0.09 + 0.1] = [0.905, −1.81]
        expect(step(opt, p), 0.905, -1.81);
        // v = [−0.095, 0.19]; θ = [0.905 − 0.0855 − 0.05, −1.81 + 0.171 + 0.1] = [0.7695, −1.539]
        expect(step(opt, p), 0.7695, -1.539);
    }

    @Test
    void adam() {
        Parameter p = param(false);
        Optimizer opt = new Adam(0.9, 0.999, 1e-8, 0);
        // m = 0.1·g, s = 0.001·g²; m̂ = m/0.1 = g, ŝ = s/0.001 = g²; step = 0.1·g/(|g| + 1e-8) ≈ 0.1·sign(g)
        expect(step(opt, p), 0.9, -1.9);
        // constant gradient: m̂ = 0.095/0.19 = 0.5, ŝ = 0.00049975/0.001999 = 0.25, so again 0.1·sign(g)
        expect(step(opt, p), 0.8, -1.8);
        assertThat(opt.momentum()).isEqualTo(0.9);
    }

    @Test
    void adamWithAChangingGradient() {
        Parameter p = param(false);
        Optimizer opt = new Adam(0.9, 0.999, 1e-8, 0);
        step(opt, p); // θ = [0.9, −1.9], m = [0.05, −0.1], s = [0.00025, 0.001]
        p.grad()[0] = 0f;
        // element 0: m = 0.9·0.05 = 0.045, m̂ = 0.045/(1 − 0.81) = 0.2368421;
        // s = 0.999·0.00025 = 0.00024975, ŝ = 0.00024975/(1 − 0.999²) = 0.1249375, sqrt = 0.3534649;
        // step = 0.1·0.2368421/0.3534649 = 0.0670058 → θ0 = 0.9 − 0.0670058 = 0.8329942
        // element 1 sees the same constant gradient as before → −1.8
        expect(step(opt, p), 0.8329942, -1.8);
    }

    @Test
    void rmsProp() {
        Parameter p = param(false);
        Optimizer opt = new RmsProp(0.9, 1e-8, 0);
        // s = 0.1·g² = [0.025, 0.1]; step = 0.1·g/sqrt(s) = [0.05/0.1581139, 0.1/0.3162278] = [0.3162278, 0.3162278]
        expect(step(opt, p), 0.6837722, -1.6837722);
        // s = 0.9·0.025 + 0.025 = 0.0475 (sqrt 0.2179449); 0.05/0.2179449 = 0.2294157; likewise for s = 0.19
        expect(step(opt, p), 0.4543565, -1.4543565);
    }

    @Test
    void adaGrad() {
        Parameter p = param(false);
        Optimizer opt = new AdaGrad(1e-8, 0);
        // s = g² = [0.25, 1]; step = 0.1·g/sqrt(s) = [0.1, −0.1]
        expect(step(opt, p), 0.9, -1.9);
        // s = [0.5, 2]; step = [0.05/0.7071068, 0.1/1.4142136] = 0.0707107
        expect(step(opt, p), 0.8292893, -1.8292893);
        // s = [0.75, 3]; step = [0.05/0.8660254, 0.1/1.7320508] = 0.0577350
        expect(step(opt, p), 0.7715543, -1.7715543);
    }
}
