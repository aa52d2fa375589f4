package io.widrow.jobs.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.widrow.jobs.JobsTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's guarantees that the runner's re-entrancy rests on. */
class JobStoreTest extends JobsTestSupport {

    @Autowired
    JobStore store;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "jobs-store", 1);
    }

    private UUID queuedJob() {
        UUID id = UUID.randomUUID();
        store.insert(new JobRow(id, "someone", UUID.randomUUID(), null, JobStatus.QUEUED, 0, 60, 3, 0, null, null, null,
                null, null, 0, false, Instant.now(), null, null, "{}", null));
        return id;
    }

    private static JobViews.MetricsView epoch(int n, double loss) {
        return new JobViews.MetricsView(n, loss, 0.5, null, null, 0.01, null, List.of(1.0), List.of(2.0), 100.0, 0.1);
    }

    @Test
    void theSameEpochTwiceIsStoredOnce() {
        UUID id = queuedJob();
        assertThat(store.markRunning(id, "n1", false, Instant.now())).isTrue();
        store.recordEpoch(id, epoch(1, 0.9), "[1.0]", "[2.0]", "{}", 1.0);
        store.recordEpoch(id, epoch(1, 0.8), "[1.0]", "[2.0]", "{}", 1.0);
        store.recordEpoch(id, epoch(2, 0.7), "[1.0]", "[2.0]", "{}", 1.0);
        List<JobStore.StoredMetrics> m = store.metrics(id, 0);
        assertThat(m).extracting(JobStore.StoredMetrics::epoch).containsExactly(1, 2);
        assertThat(m.get(0).loss()).isEqualTo(0.9);
        assertThat(store.metrics(id, 1)).extracting(JobStore.StoredMetrics::epoch).containsExactly(2);
        assertThat(store.find(id).orElseThrow().epoch()).isEqualTo(2);
    }

    @Test
    void onlyARecoveryTakesOverARunningJobAndItStartsAfresh() {
        UUID id = queuedJob();
        assertThat(store.markRunning(id, "n1", false, Instant.now())).isTrue();
        store.recordEpoch(id, epoch(1, 0.9), "[]", "[]", "{}", null);
        // A duplicate fire finds the job taken.
        assertThat(store.markRunning(id, "n2", false, Instant.now())).isFalse();
        // Quartz recovering a dead node's run restarts it from epoch 1.
        assertThat(store.markRunning(id, "n2", true, Instant.now())).isTrue();
        JobRow row = store.find(id).orElseThrow();
        assertThat(row.attempt()).isEqualTo(2);
        assertThat(row.node()).isEqualTo("n2");
        assertThat(row.epoch()).isZero();
        assertThat(store.metrics(id, 0)).isEmpty();

        assertThat(store.finish(id, JobStatus.SUCCEEDED, UUID.randomUUID(), null, null, Instant.now())).isTrue();
        // Nothing moves a finished job: not a late cancel, not a late fire, not a second finish.
        assertThat(store.cancelQueued(id, Instant.now())).isFalse();
        assertThat(store.requestCancel(id)).isFalse();
        assertThat(store.markRunning(id, "n3", true, Instant.now())).isFalse();
        assertThat(store.finish(id, JobStatus.FAILED, null, "x", "y", Instant.now())).isFalse();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }
}
