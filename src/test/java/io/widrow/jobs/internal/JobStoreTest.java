package io.widrow.jobs.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.widrow.engine.train.TrainingCheckpoint;
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

    @Autowired
    RunStore runs;

    @Autowired
    org.quartz.Scheduler scheduler;

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
        store.insertEpoch(id, epoch(1, 0.9), "[1.0]", "[2.0]");
        store.insertEpoch(id, epoch(1, 0.8), "[1.0]", "[2.0]");
        store.insertEpoch(id, epoch(2, 0.7), "[1.0]", "[2.0]");
        assertThat(runs.advance(id, 1, 2, "{}", 1.0)).isTrue();
        List<JobStore.StoredMetrics> m = store.metrics(id, 0);
        assertThat(m).extracting(JobStore.StoredMetrics::epoch).containsExactly(1, 2);
        assertThat(m.get(0).loss()).isEqualTo(0.9);
        assertThat(store.metrics(id, 1)).extracting(JobStore.StoredMetrics::epoch).containsExactly(2);
        assertThat(store.find(id).orElseThrow().epoch()).isEqualTo(2);
    }

    @Test
    void onlyARecoveryTakesOverARunningJobAndTheOldRunIsFencedOff() {
        UUID id = queuedJob();
        assertThat(store.markRunning(id, "n1", false, Instant.now())).isTrue();
        store.insertEpoch(id, epoch(1, 0.9), "[]", "[]");
        // A duplicate fire finds the job taken.
        assertThat(store.markRunning(id, "n2", false, Instant.now())).isFalse();
        // Quartz recovering a dead node's run takes it over as attempt 2; progress stays for the runner to rewind.
        assertThat(store.markRunning(id, "n2", true, Instant.now())).isTrue();
        JobRow row = store.find(id).orElseThrow();
        assertThat(row.attempt()).isEqualTo(2);
        assertThat(row.node()).isEqualTo("n2");
        assertThat(store.metrics(id, 0)).hasSize(1);
        // Attempt 1, if it was only presumed dead, can change nothing any more.
        assertThat(runs.advance(id, 1, 5, "{}", null)).isFalse();
        assertThat(runs.claim(id, 1)).isFalse();
        assertThat(runs.requeue(id, 1)).isFalse();
        assertThat(store.finish(id, 1, JobStatus.FAILED, null, "x", "y", Instant.now())).isFalse();

        assertThat(store.finish(id, 2, JobStatus.SUCCEEDED, UUID.randomUUID(), null, null, Instant.now())).isTrue();
        // Nothing moves a finished job: not a late cancel, not a late fire, not a second finish.
        assertThat(store.cancelQueued(id, Instant.now())).isFalse();
        assertThat(store.requestCancel(id)).isFalse();
        assertThat(store.markRunning(id, "n3", true, Instant.now())).isFalse();
        assertThat(store.finish(id, 2, JobStatus.FAILED, null, "x", "y", Instant.now())).isFalse();
        assertThat(runs.requeue(id, 2)).isFalse();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aRecoveryDoesNotTakeOverARunOfALiveNode() throws Exception {
        UUID id = queuedJob();
        String live = scheduler.getSchedulerInstanceId();
        assertThat(store.markRunning(id, live, false, Instant.now())).isTrue();
        // A stale recovery elsewhere finds the job run by a node that is checking in.
        assertThat(store.markRunning(id, "n2", true, Instant.now())).isFalse();
        // The node itself, restarted under the same instance id, may take its dead run back.
        assertThat(store.markRunning(id, live, true, Instant.now())).isTrue();
        assertThat(store.find(id).orElseThrow().attempt()).isEqualTo(2);
    }

    @Test
    void aJobKeepsOnlyItsLatestCheckpointAndRewindsToIt() {
        UUID id = queuedJob();
        assertThat(store.markRunning(id, "n1", false, Instant.now())).isTrue();
        for (int e = 1; e <= 3; e++) {
            store.insertEpoch(id, epoch(e, 1.0 / e), "[]", "[]");
        }
        runs.saveCheckpoint(id, 1, new TrainingCheckpoint(1, new byte[] {1, 2}));
        runs.saveCheckpoint(id, 1, new TrainingCheckpoint(2, new byte[] {3, 4, 5}));
        TrainingCheckpoint cp = runs.checkpoint(id).orElseThrow();
        assertThat(cp.epoch()).isEqualTo(2);
        assertThat(cp.state()).containsExactly(3, 4, 5);

        runs.rewind(id, 2, "{}");
        assertThat(store.metrics(id, 0)).extracting(JobStore.StoredMetrics::epoch).containsExactly(1, 2);
        assertThat(store.find(id).orElseThrow().epoch()).isEqualTo(2);
        // Ended jobs lose their checkpoint to the reconciliation's clean-up.
        assertThat(store.finish(id, 1, JobStatus.CANCELLED, null, null, null, Instant.now())).isTrue();
        runs.deleteFinishedCheckpoints();
        assertThat(runs.checkpoint(id)).isEmpty();
    }

    @Test
    void failuresAreRequeuedUntilTheRetriesAreUsedUp() {
        UUID id = queuedJob();
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(store.markRunning(id, "n1", false, Instant.now())).isTrue();
            assertThat(runs.requeueAfterFailure(id, attempt, 2)).isTrue();
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        }
        assertThat(runs.failures(id)).isEqualTo(2);
        assertThat(store.markRunning(id, "n1", false, Instant.now())).isTrue();
        assertThat(runs.requeueAfterFailure(id, 3, 2)).isFalse();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }
}
