package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A worker's spin grows while parking made it late, and falls back while it is being descheduled. */
class GemmPoolSpinTest {
    private static final long SHORT = GemmPool.SPIN_NANOS;
    private static final long LONG = GemmPool.SPIN_MAX_NANOS;

    @Test
    void startsShortAndDoublesUpToTheCapWhileHandOffsComeSoonAfterParking() {
        GemmPool.SpinPolicy p = new GemmPool.SpinPolicy();
        assertThat(p.nanos()).isEqualTo(SHORT);
        p.update(1, true, 5_000);
        assertThat(p.nanos()).isEqualTo(2 * SHORT);
        for (int i = 0; i < 10; i++) {
            p.update(1, true, 5_000);
        }
        assertThat(p.nanos()).isEqualTo(LONG);
    }

    @Test
    void aLongIdleOrAHandOffMetWhileSpinningLeavesTheSpinAlone() {
        GemmPool.SpinPolicy p = new GemmPool.SpinPolicy();
        p.update(1, true, 5_000);
        p.update(1, true, 10_000_000);
        assertThat(p.nanos()).isEqualTo(2 * SHORT);
        p.update(1, true, -1);
        assertThat(p.nanos()).isEqualTo(2 * SHORT);
    }

    @Test
    void sharesTakenOverWhileTheWorkerWasNotRunningShortenItUntilAWindowIsQuietAgain() {
        GemmPool.SpinPolicy p = new GemmPool.SpinPolicy();
        p.update(1, true, 5_000);
        p.update(1, true, 5_000);
        assertThat(p.nanos()).isEqualTo(4 * SHORT);
        // 62 more hand-offs, 8 of them (one in eight of the 64-hand-off window) published and taken over
        // before the worker looked: it was descheduled.
        for (int i = 0; i < 8; i++) {
            p.update(2, true, -1);
        }
        for (int i = 0; i < 46; i++) {
            p.update(1, true, -1);
        }
        assertThat(p.nanos()).isEqualTo(SHORT);
        p.update(1, true, 5_000);
        assertThat(p.nanos()).isEqualTo(SHORT);
        // A window with fewer take-overs lets it grow again.
        for (int i = 0; i < 63; i++) {
            p.update(1, true, -1);
        }
        p.update(1, true, 5_000);
        assertThat(p.nanos()).isEqualTo(2 * SHORT);
    }

    @Test
    void aLostClaimCountsAsATakeOver() {
        GemmPool.SpinPolicy p = new GemmPool.SpinPolicy();
        for (int i = 0; i < 8; i++) {
            p.update(1, false, -1);
        }
        for (int i = 0; i < 56; i++) {
            p.update(1, true, -1);
        }
        p.update(1, true, 5_000);
        assertThat(p.nanos()).isEqualTo(SHORT);
    }
}
