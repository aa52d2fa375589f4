package io.widrow.engine.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapPagesTest {
    private static final String MADVISE = "always [madvise] never\n";

    @Test
    void madviseHostWithoutTheFlagIsToldWhichFlagToAdd() {
        assertThat(HeapPages.describe(List.of("-Xmx1g"), MADVISE))
                .isEqualTo("heap pages: 4 KB; add -XX:+UseTransparentHugePages to the JVM options for faster training"
                        + " (host mode madvise)");
    }

    @Test
    void theLastOccurrenceOfTheFlagWinsAsInHotSpot() {
        assertThat(HeapPages.describe(List.of("-XX:-UseTransparentHugePages", "-XX:+UseTransparentHugePages"), MADVISE))
                .startsWith("heap pages: transparent huge pages (-XX:+UseTransparentHugePages");
        assertThat(HeapPages.describe(List.of("-XX:+UseTransparentHugePages", "-XX:-UseTransparentHugePages"), MADVISE))
                .startsWith("heap pages: 4 KB; add");
    }

    @Test
    void theHostsModeDecidesWhenItIsAlwaysOrNever() {
        assertThat(HeapPages.describe(List.of(), "[always] madvise never"))
                .isEqualTo("heap pages: transparent huge pages (the host's mode is always)");
        assertThat(HeapPages.describe(List.of("-XX:+UseTransparentHugePages"), "always madvise [never]"))
                .startsWith("heap pages: 4 KB (transparent huge pages are off");
    }

    @Test
    void aKernelWithoutTheFileOrWithAnUnreadableOneIsSaidSo() {
        assertThat(HeapPages.describe(List.of(), null)).isEqualTo("heap pages: the kernel offers no transparent huge pages");
        assertThat(HeapPages.describe(List.of(), "garbled"))
                .isEqualTo("heap pages: unknown (no selected mode in /sys/kernel/mm/transparent_hugepage/enabled)");
    }

    @Test
    void thisJvmGetsADescription() {
        assertThat(HeapPages.describe()).startsWith("heap pages: ");
    }
}
