package io.widrow.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static final double TOL = 1e-12;

    @Test
    void constant() {
        LearningRateSchedule s = ScheduleSpec.constant().build(0.1, 5, 3);
        assertThat(s.rate(0, 0)).isEqualTo(0.1);
        assertThat(s.rate(14, 4)).isEqualTo(0.1);
    }

    @Test
    void stepDecayHalvesEveryTenEpochs() {
        LearningRateSchedule s = ScheduleSpec.step(0.5, 10).build(0.2, 30, 1);
        assertThat(s.rate(0, 0)).isEqualTo(0.2);
        assertThat(s.rate(9, 9)).isEqualTo(0.2);
        assertThat(s.rate(10, 10)).isEqualTo(0.1);
        assertThat(s.rate(20, 20)).isEqualTo(0.05);
    }

    @Test
    void inverseTimeUsesTheFormulaLiterally() {
        LearningRateSchedule s = ScheduleSpec.inverseTime(1, 2).build(0.1, 10, 1);
        assertThat(s.rate(0, 0)).isCloseTo(0.5, within(TOL)); // 1 / (2 + 0)
        assertThat(s.rate(1, 1)).isCloseTo(1.0 / 3, within(TOL)); // 1 / (2 + 1)
        assertThat(s.rate(2, 2)).isCloseTo(0.25, within(TOL)); // 1 / (2 + 2)
    }

    @Test
    void inverseTimeWithoutAStartsAtTheBase() {
        LearningRateSchedule s = ScheduleSpec.inverseTime(0, 10).build(0.1, 20, 1);
        assertThat(s.rate(0, 0)).isCloseTo(0.1, within(TOL)); // a = 0.1·10 = 1; 1 / 10
        assertThat(s.rate(10, 10)).isCloseTo(0.05, within(TOL)); // 1 / 20
    }

    @Test
    void plateauReducesAfterPatienceAndRespectsTheFloor() {
        LearningRateSchedule s = ScheduleSpec.plateau(0.5, 2, 0.01, 0.2).build(1.0, 50, 1);
        s.onEpochEnd(0, 1.0); // improves on +∞
        s.onEpochEnd(1, 0.995); // not below 1.0 − 0.01: bad 1
        s.onEpochEnd(2, 0.999); // bad 2 = patience, still tolerated
        assertThat(s.rate(3, 3)).isEqualTo(1.0);
        s.onEpochEnd(3, 0.998); // bad 3 > patience: ×0.5
        assertThat(s.rate(4, 4)).isEqualTo(0.5);
        s.onEpochEnd(4, 0.5); // improvement resets the counter
        for (int e = 5; e < 8; e++) {
            s.onEpochEnd(e, 0.6);
        }
        assertThat(s.rate(8, 8)).isEqualTo(0.25);
        for (int e = 8; e < 11; e++) {
            s.onEpochEnd(e, 0.6);
        }
        assertThat(s.rate(11, 11)).isEqualTo(0.2); // 0.125 floored at 0.2
    }

    @Test
    void plateauStateSurvivesACheckpointThroughWarmup() throws IOException {
        ScheduleSpec spec = ScheduleSpec.plateau(0.5, 0, 0, 0).withWarmup(3);
        LearningRateSchedule s = spec.build(1.0, 10, 1);
        s.onEpochEnd(0, 1.0);
        s.onEpochEnd(1, 2.0); // patience 0: reduce at the first bad epoch
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.writeState(new DataOutputStream(bytes));
        LearningRateSchedule r = spec.build(1.0, 10, 1);
        r.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(r.rate(5, 5)).isEqualTo(0.5);
        r.onEpochEnd(2, 0.9); // best 1.0 was restored, so 0.9 is an improvement
        r.onEpochEnd(3, 0.9); // bad → 0.25
        assertThat(r.rate(6, 6)).isEqualTo(0.25);
    }

    @Test
    void cosineWithEqualRestarts() {
        // base 1, min 0.1, 10-epoch cycles of 5 steps each
        LearningRateSchedule s = ScheduleSpec.cosine(10, 1, 0.1).build(1.0, 40, 5);
        assertThat(s.rate(0, 0)).isCloseTo(1.0, within(TOL));
        assertThat(s.rate(25, 5)).isCloseTo(0.55, within(TOL)); // half way: 0.1 + 0.9·(1 + cos π/2)/2
        // last step of the cycle, t = 9.8: 0.1 + 0.9·(1 + cos 0.98π)/2 = 0.1 + 0.45·0.0019733
        assertThat(s.rate(49, 9)).isCloseTo(0.1 + 0.45 * (1 + Math.cos(0.98 * Math.PI)), within(TOL))
                .isLessThan(0.101);
        assertThat(s.rate(50, 10)).isCloseTo(1.0, within(TOL)); // restart
        assertThat(s.rate(75, 15)).isCloseTo(0.55, within(TOL));
    }

    @Test
    void cosineRestartsGrowByTheMultiplier() {
        LearningRateSchedule s = ScheduleSpec.cosine(10, 2, 0).build(1.0, 70, 1);
        assertThat(s.rate(10, 10)).isCloseTo(1.0, within(TOL)); // second cycle, 20 epochs long
        assertThat(s.rate(20, 20)).isCloseTo(0.5, within(TOL)); // its middle
        assertThat(s.rate(30, 30)).isCloseTo(1.0, within(TOL)); // third cycle, 40 epochs
        assertThat(s.rate(50, 50)).isCloseTo(0.5, within(TOL));
    }

    @Test
    void cosineOverTheWholeRunEndsAtTheMinimum() {
        LearningRateSchedule s = ScheduleSpec.cosine(0, 1, 0.01).build(0.1, 10, 4);
        assertThat(s.rate(0, 0)).isCloseTo(0.1, within(TOL));
        assertThat(s.rate(20, 5)).isCloseTo(0.055, within(TOL));
        assertThat(s.rate(40, 10)).isCloseTo(0.01, within(TOL)); // t = 10 epochs = the run
        assertThat(s.rate(60, 15)).isCloseTo(0.01, within(TOL)); // no restart
        assertThat(s.rate(1, 0)).isLessThan(s.rate(0, 0)); // smooth within an epoch
    }

    @Test
    void cyclicIsATriangle() {
        LearningRateSchedule s = ScheduleSpec.cyclic(0.5, 4).build(0.1, 10, 100);
        double[] expected = {0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.3, 0.2, 0.1, 0.2, 0.3, 0.4, 0.5};
        for (int step = 0; step < expected.length; step++) {
            assertThat(s.rate(step, 0)).as("step %d", step).isCloseTo(expected[step], within(TOL));
        }
    }

    @Test
    void warmupRampsThenHandsOver() {
        LearningRateSchedule s = ScheduleSpec.step(0.5, 1).withWarmup(4).build(1.0, 10, 2);
        assertThat(s).isInstanceOf(Warmup.class);
        assertThat(s.rate(0, 0)).isEqualTo(0.25); // 1.0·1/4
        assertThat(s.rate(1, 0)).isEqualTo(0.5); // 1.0·2/4
        assertThat(s.rate(2, 1)).isEqualTo(0.375); // 0.5·3/4
        assertThat(s.rate(3, 1)).isEqualTo(0.5); // 0.5·4/4
        assertThat(s.rate(4, 2)).isEqualTo(0.25); // past warmup: inner only
        assertThat(ScheduleSpec.constant().build(1.0, 1, 1)).isInstanceOf(Constant.class);
    }
}
