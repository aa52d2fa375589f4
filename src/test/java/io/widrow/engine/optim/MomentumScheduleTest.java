package io.widrow.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MomentumScheduleTest {
    @Test
    void switchesAtTheGivenEpoch() {
        MomentumSchedule s = new MomentumSchedule(0.5, 0.9, 3, Double.NaN);
        assertThat(s.momentumForEpoch(0)).isEqualTo(0.5);
        assertThat(s.momentumForEpoch(2)).isEqualTo(0.5);
        assertThat(s.momentumForEpoch(3)).isEqualTo(0.9);
        assertThat(s.momentumForEpoch(10)).isEqualTo(0.9);
    }

    @Test
    void switchesPermanentlyOnceTheLossSettles() {
        MomentumSchedule s = new MomentumSchedule(0.5, 0.9, -1, 0.01);
        s.onEpochEnd(0, 1.0); // no previous loss yet
        assertThat(s.momentumForEpoch(1)).isEqualTo(0.5);
        s.onEpochEnd(1, 0.5); // |Δ| = 0.5
        assertThat(s.momentumForEpoch(2)).isEqualTo(0.5);
        s.onEpochEnd(2, 0.495); // |Δ| = 0.005 < 0.01: switch from epoch 3
        assertThat(s.switchedByLoss()).isTrue();
        assertThat(s.momentumForEpoch(2)).isEqualTo(0.5);
        assertThat(s.momentumForEpoch(3)).isEqualTo(0.9);
        s.onEpochEnd(3, 3.0); // a later jump does not switch back
        assertThat(s.momentumForEpoch(4)).isEqualTo(0.9);
    }

    @Test
    void epochOrThresholdWhicheverFirst() {
        MomentumSchedule s = new MomentumSchedule(0.5, 0.9, 2, 1e-9);
        s.onEpochEnd(0, 1.0);
        s.onEpochEnd(1, 0.1);
        assertThat(s.momentumForEpoch(2)).isEqualTo(0.9);
    }

    @Test
    void noScheduleAlwaysGivesTheFinalMomentum() {
        MomentumSchedule s = new MomentumSchedule(Double.NaN, 0.7, -1, Double.NaN);
        assertThat(s.momentumForEpoch(0)).isEqualTo(0.7);
        s.onEpochEnd(0, 1);
        s.onEpochEnd(1, 1);
        assertThat(s.momentumForEpoch(100)).isEqualTo(0.7);
    }

    @Test
    void checkpointRoundTrip() throws IOException {
        MomentumSchedule s = new MomentumSchedule(0.5, 0.9, -1, 0.01);
        s.onEpochEnd(0, 1.0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.writeState(new DataOutputStream(bytes));
        MomentumSchedule r = new MomentumSchedule(0.5, 0.9, -1, 0.01);
        r.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        r.onEpochEnd(1, 0.995); // needs the restored previous loss (1.0) to switch
        assertThat(r.momentumForEpoch(2)).isEqualTo(0.9);
    }
}
