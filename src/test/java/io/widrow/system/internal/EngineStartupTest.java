package io.widrow.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.widrow.engine.model.Warmup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class EngineStartupTest {
    @Test
    void warmsUpOnABackgroundThreadThatFinishes() throws Exception {
        EngineStartup startup = new EngineStartup(0.5);
        startup.run(new DefaultApplicationArguments());
        Thread t = startup.warmupThread();
        assertThat(t).isNotNull();
        assertThat(t.isDaemon()).isTrue();
        t.join(60_000);
        assertThat(t.isAlive()).as("the warm-up stops after its budget").isFalse();
    }

    @Test
    void zeroSecondsMeansNoWarmUp() {
        EngineStartup startup = new EngineStartup(0);
        startup.run(new DefaultApplicationArguments());
        assertThat(startup.warmupThread()).isNull();
    }

    /**
     * With time to spare it stops at 6,000 batches, not at its time limit: runs of four epochs over 2,048 rows
     * alternate one at batch 128 (64 batches) with three at batch 32 (256 each), 832 batches per cycle, so
     * the 30th run (7 cycles, then 64 + 256) is the first to pass 6,000: 120 epochs.
     */
    @Test
    void theWarmUpStopsOnceThePerBatchMethodsHaveBeenCalledOftenEnough() {
        assertThat(Warmup.run(0, 600_000, 100_000)).isEqualTo(120);
    }

    @Test
    void theWarmUpTrainsAtLeastOneRunAndRespectsItsEpochCap() {
        assertThat(Warmup.run(1, 4)).isEqualTo(4);
        assertThat(Warmup.run(0, 4)).isZero();
        assertThat(Warmup.run(10_000, 0)).isZero();
    }
}
