package io.widrow.jobs.internal;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters; the names are fixed by the Grafana dashboard (widrow_jobs, widrow_jobs_queue,
 * widrow_epoch_duration_seconds_*, widrow_training_samples_per_second). Job counts come from the database so
 * they are cluster-wide, cached for a few seconds so a scrape costs at most one GROUP BY.
 */
@Component
class JobMeters {
    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private final JobStore store;
    private final MeterRegistry registry;
    private final Timer epochDuration;
    private volatile Map<JobStatus, Long> counts;
    private volatile long countedAt;
    private volatile double samplesPerSecond;

    JobMeters(JobStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
        for (JobStatus s : JobStatus.values()) {
            Gauge.builder("widrow.jobs", this, m -> m.count(s)).tag("status", s.name())
                    .description("Jobs by status, cluster-wide").register(registry);
        }
        Gauge.builder("widrow.jobs.queue", this, m -> m.count(JobStatus.QUEUED))
                .description("Jobs waiting for a worker, cluster-wide").register(registry);
        Gauge.builder("widrow.training.samples.per.second", this, m -> m.samplesPerSecond)
                .description("Training throughput of the last epoch finished on this node").register(registry);
        epochDuration = Timer.builder("widrow.epoch.duration").description("Wall time of one training epoch")
                .publishPercentileHistogram().register(registry);
    }

    void epoch(double seconds, double samples) {
        if (Double.isFinite(seconds) && seconds >= 0) {
            epochDuration.record(Duration.ofNanos((long) (seconds * 1e9)));
        }
        if (Double.isFinite(samples)) {
            samplesPerSecond = samples;
        }
    }

    void jobFinished(JobStatus status, long nanos) {
        Timer.builder("widrow.job.duration").description("Wall time of a job from start to finish")
                .tag("status", status.name()).register(registry).record(Duration.ofNanos(nanos));
    }

    private double count(JobStatus status) {
        long now = System.nanoTime();
        Map<JobStatus, Long> c = counts;
        if (c == null || now - countedAt > CACHE_NANOS) {
            try {
                c = store.countByStatus();
                counts = c;
                countedAt = now;
            } catch (RuntimeException e) {
                return c == null ? Double.NaN : c.getOrDefault(status, 0L);
            }
        }
        return c.getOrDefault(status, 0L);
    }
}
