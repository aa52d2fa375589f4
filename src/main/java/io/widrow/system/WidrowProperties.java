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
 * @param limits   resource ceilings answered with 4xx instead of an out-of-memory or a monopolised node
 */
@ConfigurationProperties("widrow")
public record WidrowProperties(
        @DefaultValue("./data") Path dataDir,
        String adminKey,
        @DefaultValue("1") int workers,
        @DefaultValue Datasets datasets,
        @DefaultValue Limits limits) {

    /**
     * @param maxUpload largest accepted upload (also the multipart limit)
     * @param maxCells  rows × features cap, so a parse can never exhaust the heap
     * @param maxRows   row cap handed to readers that can stop early (IDX)
     */
    public record Datasets(
            @DefaultValue("512MB") DataSize maxUpload,
            @DefaultValue("100000000") long maxCells,
            @DefaultValue("10000000") int maxRows) {
    }

    /**
     * Every value is echoed, with its property name, in the 4xx a request that crosses it receives.
     *
     * @param maxDecompressed       bytes a gzipped upload may inflate to (read lazily, so a bomb is never inflated)
     * @param maxFeatures           columns of one dataset
     * @param maxParameters         trainable parameters of one network
     * @param maxEpochRows          epochs × training rows of one job
     * @param maxActiveJobs         queued or running jobs per owner (429 beyond)
     * @param predictRate           predict requests per second per API key, node-local; 0 switches it off
     * @param predictBurst          predict requests a key may send at once before the rate applies
     * @param maxPredictBody        bytes of one predict request body
     * @param maxRuntimeSeconds     ceiling for a job's maxRuntimeSeconds (and its default when lower)
     * @param storageQuota          dataset plus model bytes one owner may keep
     * @param maxJobMemoryFraction  share of the maximum heap one job's estimated footprint may take
     */
    public record Limits(
            @DefaultValue("2GB") DataSize maxDecompressed,
            @DefaultValue("100000") int maxFeatures,
            @DefaultValue("50000000") long maxParameters,
            @DefaultValue("1000000000") long maxEpochRows,
            @DefaultValue("50") int maxActiveJobs,
            @DefaultValue("1000") double predictRate,
            @DefaultValue("2000") int predictBurst,
            @DefaultValue("100MB") DataSize maxPredictBody,
            @DefaultValue("604800") int maxRuntimeSeconds,
            @DefaultValue("10GB") DataSize storageQuota,
            @DefaultValue("0.5") double maxJobMemoryFraction) {

        public Limits {
            positive("max-decompressed", maxDecompressed.toBytes());
            positive("max-features", maxFeatures);
            positive("max-parameters", maxParameters);
            positive("max-epoch-rows", maxEpochRows);
            positive("max-active-jobs", maxActiveJobs);
            positive("max-predict-body", maxPredictBody.toBytes());
            positive("max-runtime-seconds", maxRuntimeSeconds);
            positive("storage-quota", storageQuota.toBytes());
            if (!(predictRate >= 0) || Double.isInfinite(predictRate)) {
                throw new IllegalArgumentException("widrow.limits.predict-rate must be >= 0, got " + predictRate);
            }
            positive("predict-burst", predictBurst);
            if (!(maxJobMemoryFraction > 0 && maxJobMemoryFraction <= 1)) {
                throw new IllegalArgumentException("widrow.limits.max-job-memory-fraction must be in (0, 1], got "
                        + maxJobMemoryFraction);
            }
        }

        private static void positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException("widrow.limits." + name + " must be >= 1, got " + value);
            }
        }
    }
}
