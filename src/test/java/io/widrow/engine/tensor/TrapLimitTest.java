package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrapLimitTest {
    @Test
    void theDefaultLimitIsToldWhichFlagToAdd() {
        assertThat(TrapLimit.describe(100L)).isEqualTo("C2 trap limit: 100; add -XX:PerMethodTrapLimit=100000 to the JVM"
                + " options, or a cold start may compile the vector kernels without their intrinsics (10× slower)");
    }

    @Test
    void aRaisedLimitIsJustReported() {
        assertThat(TrapLimit.describe(100_000L)).isEqualTo("C2 trap limit: 100000");
        assertThat(TrapLimit.describe(1_000_000L)).isEqualTo("C2 trap limit: 1000000");
    }

    @Test
    void theLastOccurrenceOfTheFlagWinsAndNoneMeansHotSpotsDefault() {
        assertThat(TrapLimit.limit(List.of("-Xmx1g"))).isEqualTo(100L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=100000", "-XX:PerMethodTrapLimit=50"))).isEqualTo(50L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=50", "-Xmx1g", "-XX:PerMethodTrapLimit=100000")))
                .isEqualTo(100_000L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=lots"))).isNull();
    }

    @Test
    void anUnreadableLimitIsSaidSo() {
        assertThat(TrapLimit.describe((Long) null)).startsWith("C2 trap limit: unknown");
    }

    /** The tests run with the pom's JVM options, which every way of running Widrow shares. */
    @Test
    void theTestJvmRunsWithTheRaisedLimit() {
        assertThat(TrapLimit.describe()).isEqualTo("C2 trap limit: " + TrapLimit.WANTED);
    }
}
