package io.widrow.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code widrow.*}. Bound once so features do not scatter {@code @Value} lookups.
 *
 * @param dataDir  where the H2 file and the bootstrap admin key live
 * @param adminKey bootstrap admin key; when blank one is generated on first start
 * @param workers  training threads per node (Quartz thread count)
 */
@ConfigurationProperties("widrow")
public record WidrowProperties(
        @DefaultValue("./data") Path dataDir,
        String adminKey,
        @DefaultValue("1") int workers,
        @DefaultValue Datasets datasets) {

    /**
     * @param maxUpload largest accepted upload (also the multipart limit)
     * @param maxCells  rows × features cap, so a parse can never exhaust the heap
     * @param maxRows   row cap handed to readers that can stop early (IDX)
     */
    public record Datasets(
            @DefaultValue("512MB") DataSize maxUpload,
            @DefaultValue("200000000") long maxCells,
            @DefaultValue("10000000") int maxRows) {
    }
}
