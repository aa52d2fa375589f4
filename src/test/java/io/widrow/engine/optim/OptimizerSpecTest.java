package io.widrow.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptimizerSpecTest {
    private static OptimizerSpec with(String type, double lr, double momentum, double initial, int switchEpoch,
                                      double threshold, double beta1, double beta2, double eps, double rho,
                                      double decay) {
        return new OptimizerSpec(type, lr, momentum, initial, switchEpoch, threshold, beta1, beta2, eps, rho, decay);
    }

    @Test
    void defaultsFromFactory() {
        OptimizerSpec s = OptimizerSpec.of("adam", 1e-3);
        assertThat(s.momentum()).isEqualTo(0.9);
        assertThat(s.initialMomentum()).isNaN();
        assertThat(s.momentumSwitchEpoch()).isEqualTo(-1);
        assertThat(s.momentumSwitchThreshold()).isNaN();
        assertThat(s.beta1()).isEqualTo(0.9);
        assertThat(s.beta2()).isEqualTo(0.999);
        assertThat(s.epsilon()).isEqualTo(1e-8);
        assertThat(s.rho()).isEqualTo(0.9);
        assertThat(s.weightDecay()).isZero();
    }

    @Test
    void buildsEveryType() {
        for (String type : OptimizerSpec.TYPES) {
            assertThat(OptimizerSpec.of(type, 0.1).build().name()).isEqualTo(type);
        }
        assertThat(OptimizerSpec.of("nesterov", 0.1).build().momentum()).isEqualTo(0.9);
        assertThat(OptimizerSpec.of("adagrad", 0.1).build().momentum()).isZero();
    }

    @Test
    void badValuesAreEchoed() {
        assertThatThrownBy(() -> OptimizerSpec.of("adamw", 0.1)).hasMessageContaining("'adamw'")
                .hasMessageContaining("[sgd, momentum, nesterov, adam, rmsprop, adagrad]");
        assertThatThrownBy(() -> OptimizerSpec.of(null, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptimizerSpec.of("sgd", -0.1)).hasMessage("learningRate must be > 0, got -0.1");
        assertThatThrownBy(() -> OptimizerSpec.of("sgd", Double.NaN)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> OptimizerSpec.of("sgd", Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> with("momentum", 0.1, 1.0, Double.NaN, -1, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 0))
                .hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> with("adam", 0.1, 0.9, Double.NaN, -1, Double.NaN, 1.2, 0.999, 1e-8, 0.9, 0))
                .hasMessage("beta1 must be in [0, 1), got 1.2");
        assertThatThrownBy(() -> with("adam", 0.1, 0.9, Double.NaN, -1, Double.NaN, 0.9, -0.5, 1e-8, 0.9, 0))
                .hasMessage("beta2 must be in [0, 1), got -0.5");
        assertThatThrownBy(() -> with("rmsprop", 0.1, 0.9, Double.NaN, -1, Double.NaN, 0.9, 0.999, 0, 0.9, 0))
                .hasMessageContaining("epsilon must be > 0").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> with("rmsprop", 0.1, 0.9, Double.NaN, -1, Double.NaN, 0.9, 0.999, 1e-8, 1.5, 0))
                .hasMessage("rho must be in [0, 1), got 1.5");
        assertThatThrownBy(() -> with("sgd", 0.1, 0.9, Double.NaN, -1, Double.NaN, 0.9, 0.999, 1e-8, 0.9, -0.01))
                .hasMessage("weightDecay must be >= 0, got -0.01");
        assertThatThrownBy(() -> with("momentum", 0.1, 0.9, 1.5, 3, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 0))
                .hasMessage("initialMomentum must be in [0, 1), got 1.5");
        assertThatThrownBy(() -> with("momentum", 0.1, 0.9, 0.5, -2, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 0))
                .hasMessageContaining("momentumSwitchEpoch must be >= -1").hasMessageContaining("got -2");
        assertThatThrownBy(() -> with("momentum", 0.1, 0.9, 0.5, -1, -1e-3, 0.9, 0.999, 1e-8, 0.9, 0))
                .hasMessage("momentumSwitchThreshold must be NaN or >= 0, got -0.001");
        assertThatThrownBy(() -> with("momentum", 0.1, 0.9, 0.5, -1, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 0))
                .hasMessageContaining("needs momentumSwitchEpoch or momentumSwitchThreshold");
        assertThatThrownBy(() -> with("sgd", 0.1, Double.NaN, Double.NaN, -1, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 0))
                .hasMessage("momentum must be finite, got NaN");
    }

    @Test
    void fieldsIgnoredByTheTypeAreNotRangeChecked() {
        // sgd ignores ε, ρ, β: a DTO that leaves them at 0 or out of range is still a valid sgd spec
        assertThat(with("sgd", 0.1, 0, Double.NaN, -1, Double.NaN, 0, 0, 0, 0, 0).build().name()).isEqualTo("sgd");
        assertThat(with("adam", 0.1, 5, Double.NaN, -1, Double.NaN, 0.9, 0.999, 1e-8, 0, 0).build().name())
                .isEqualTo("adam");
    }

    @Test
    void momentumScheduleEndsAtTheOptimizersMomentum() {
        OptimizerSpec notes = with("momentum", 0.1, 0.9, 0.5, 5, Double.NaN, 0.9, 0.999, 1e-8, 0.9, 0);
        assertThat(notes.momentumSchedule().momentumForEpoch(4)).isEqualTo(0.5);
        assertThat(notes.momentumSchedule().momentumForEpoch(5)).isEqualTo(0.9);
        OptimizerSpec adam = with("adam", 0.1, 0.9, Double.NaN, -1, Double.NaN, 0.8, 0.999, 1e-8, 0.9, 0);
        assertThat(adam.momentumSchedule().momentumForEpoch(0)).isEqualTo(adam.build().momentum()).isEqualTo(0.8);
        assertThat(OptimizerSpec.of("sgd", 0.1).momentumSchedule().momentumForEpoch(3)).isZero();
    }
}
