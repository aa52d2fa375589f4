package io.widrow.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleSpecTest {
    @Test
    void rejectsUnknownTypesNamingThemAndTheChoices() {
        assertThatThrownBy(() -> new ScheduleSpec("exp", 0, 1, 1, 0, 1, 0.1, 0, 0, 0, 0, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'exp'")
                .hasMessageContaining("[constant, step, inverse_time, plateau, cosine, cyclic]");
    }

    @Test
    void badValuesAreEchoed() {
        assertThatThrownBy(() -> ScheduleSpec.step(1.5, 10)).hasMessage("step gamma must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> ScheduleSpec.step(0.5, 0)).hasMessage("stepEpochs must be >= 1, got 0");
        assertThatThrownBy(() -> ScheduleSpec.inverseTime(1, 0)).hasMessage("inverse_time b must be > 0, got 0.0");
        assertThatThrownBy(() -> ScheduleSpec.inverseTime(-1, 1)).hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> ScheduleSpec.plateau(1.0, 2, 0, 0))
                .hasMessage("plateau factor must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> ScheduleSpec.plateau(0.5, -1, 0, 0))
                .hasMessage("plateau patience must be >= 0, got -1");
        assertThatThrownBy(() -> ScheduleSpec.plateau(0.5, 1, -0.1, 0))
                .hasMessage("plateau threshold must be >= 0, got -0.1");
        assertThatThrownBy(() -> ScheduleSpec.cosine(10, 0.5, 0))
                .hasMessage("cosine periodMultiplier must be >= 1, got 0.5");
        assertThatThrownBy(() -> ScheduleSpec.cosine(-3, 1, 0)).hasMessageContaining("got -3");
        assertThatThrownBy(() -> ScheduleSpec.cyclic(0, 4)).hasMessage("cyclic maxLearningRate must be > 0, got 0.0");
        assertThatThrownBy(() -> ScheduleSpec.cyclic(1, 0)).hasMessage("cyclic cycleSteps must be >= 1, got 0");
        assertThatThrownBy(() -> ScheduleSpec.constant().withWarmup(-5))
                .hasMessage("warmupSteps must be >= 0, got -5");
        assertThatThrownBy(() -> ScheduleSpec.plateau(0.5, 1, Double.NaN, 0))
                .hasMessage("threshold must be finite, got NaN");
        assertThatThrownBy(() -> ScheduleSpec.cosine(1, Double.POSITIVE_INFINITY, 0))
                .hasMessage("periodMultiplier must be finite, got Infinity");
    }

    @Test
    void onlyTheTypesOwnFieldsAreRangeChecked() {
        // a constant schedule does not care about a zero gamma or stepEpochs
        ScheduleSpec s = new ScheduleSpec("constant", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(s.build(0.1, 1, 1).rate(0, 0)).isEqualTo(0.1);
    }

    @Test
    void buildChecksAgainstTheBaseLearningRate() {
        assertThatThrownBy(() -> ScheduleSpec.cyclic(0.05, 4).build(0.1, 10, 10))
                .hasMessage("cyclic maxLearningRate must be > the base learning rate 0.1, got 0.05");
        assertThatThrownBy(() -> ScheduleSpec.cosine(0, 1, 0.5).build(0.1, 10, 10))
                .hasMessageContaining("minLearningRate must be <= the base learning rate 0.1, got 0.5");
        assertThatThrownBy(() -> ScheduleSpec.constant().build(0.1, 10, 0))
                .hasMessage("stepsPerEpoch must be >= 1, got 0");
        assertThatThrownBy(() -> ScheduleSpec.constant().build(-1, 10, 1))
                .hasMessage("base learning rate must be > 0, got -1.0");
    }
}
