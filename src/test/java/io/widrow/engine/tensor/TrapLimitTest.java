package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrapLimitTest {
    @Test
    void theDefaultLimitIsToldWhichFlagToAdd() {
        assertThat(TrapLimit.describe(100L, true)).isEqualTo("C2 trap limit: 100; add -XX:PerMethodTrapLimit=100000 to the JVM"
                + " options, or a cold start may compile the vector kernels without their intrinsics (10× slower)");
    }

    @Test
    void aRaisedLimitIsJustReported() {
        assertThat(TrapLimit.describe(100_000L, true)).isEqualTo("C2 trap limit: 100000");
        assertThat(TrapLimit.describe(1_000_000L, true)).isEqualTo("C2 trap limit: 1000000");
    }

    @Test
    void theLastOccurrenceOfTheFlagWinsAndNoneMeansHotSpotsDefault() {
        assertThat(TrapLimit.limit(List.of("-Xmx1g"))).isEqualTo(100L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=100000", "-XX:PerMethodTrapLimit=50"))).isEqualTo(50L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=50", "-Xmx1g", "-XX:PerMethodTrapLimit=100000")))
                .isEqualTo(100_000L);
    }

    /** HotSpot takes {@code -XX:PerMethodTrapLimit=100k} (102,400) and {@code =0x10}; only what it refuses is unknown. */
    @Test
    void suffixesCountInPowersOf1024AndHexIsRead() {
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=0x10"))).isEqualTo(16L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=0x18700"))).isEqualTo(100_096L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=100k"))).isEqualTo(102_400L);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=1M"))).isEqualTo(1L << 20);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=2g"))).isEqualTo(2L << 30);
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=lots"))).isNull();
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit=k"))).isNull();
        assertThat(TrapLimit.limit(List.of("-XX:PerMethodTrapLimit="))).isNull();
        assertThat(TrapLimit.describe(102_400L, true)).isEqualTo("C2 trap limit: 102400");
    }

    @Test
    void thePortableKernelsAreNotToldToRaiseIt() {
        assertThat(TrapLimit.describe(100L, false)).isEqualTo("C2 trap limit: 100");
    }

    @Test
    void anUnreadableLimitIsSaidSo() {
        assertThat(TrapLimit.describe(null, true)).startsWith("C2 trap limit: unknown");
    }

    /** The tests run with the pom's JVM options, which every way of running Widrow shares. */
    @Test
    void theTestJvmRunsWithTheRaisedLimit() {
        assertThat(TrapLimit.describe(true)).isEqualTo("C2 trap limit: " + TrapLimit.WANTED);
    }
}
