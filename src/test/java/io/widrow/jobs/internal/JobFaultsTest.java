package io.widrow.jobs.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.widrow.jobs.JobsTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a job does when its own run goes wrong: a diverging run fails at once and says when, an unexpected error
 * is retried from the checkpoint while retries last, and a job nothing is running any more is queued again
 * without producing a second model. (Lost nodes, restarts and shutdowns are tested with real processes in
 * {@code io.widrow.jobs.JobProcessFaultsTest}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class JobFaultsTest extends JobsTestSupport {
    @Autowired
    InMemoryModels models;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrphanedJobs orphans;

    @Autowired
    LocalRuns runs;

    @Autowired
    JobQueue queue;

    private String rings;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "jobs-faults", 1);
    }

    @BeforeEach
    void data() throws Exception {
        models.failNext.set(0);
        rings = generate(ADMIN_KEY, "rings", 2000, 0.1);
    }

    private String job(int epochs, String extra) {
        return "{\"datasetId\":\"" + rings + "\",\"model\":{\"layers\":[{\"units\":32}]},\"training\":{\"epochs\":"
                + epochs + ",\"batchSize\":16,\"earlyStopping\":{\"patience\":0}}" + extra + "}";
    }

    @Test
    void checkpointEveryAndRetriesHaveDefaultsAndLimits() throws Exception {
        JsonNode job = submit(ADMIN_KEY, "{\"datasetId\":\"" + rings + "\",\"training\":{\"epochs\":1}}");
        assertThat(job.get("spec").get("checkpointEvery").asInt()).isEqualTo(1);
        assertThat(job.get("spec").get("retries").asInt()).isEqualTo(2);
        awaitEnd(ADMIN_KEY, job.get("id").asString());
        mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\":\"" + rings + "\",\"checkpointEvery\":0,\"retries\":11}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'checkpointEvery')].message").value("must be in [1, 100000], got 0"))
                .andExpect(jsonPath("$.errors[?(@.field == 'retries')].message").value("must be in [0, 10], got 11"));
    }

    @Test
    void aDivergingJobFailsAtOnceSayingAtWhichEpoch() throws Exception {
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + rings + "\",\"model\":{\"standardize\":false,"
                + "\"layers\":[{\"units\":8}]},\"training\":{\"epochs\":20,\"optimizer\":{\"type\":\"sgd\","
                + "\"learningRate\":1e12},\"earlyStopping\":{\"patience\":0}}}").get("id").asString();
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").get("detail").asString()).matches("training diverged at epoch \\d+: the loss became .*");
        assertThat(job.get("modelId").isNull()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("SELECT attempt, failures FROM jobs WHERE id = ?", UUID.fromString(id));
        assertThat(row).containsEntry("ATTEMPT", 1).containsEntry("FAILURES", 0);
    }

    @Test
    void anUnexpectedErrorIsRetriedFromTheCheckpoint(CapturedOutput output) throws Exception {
        models.failNext.set(1);
        String id = submit(ADMIN_KEY, job(20, "")).get("id").asString();
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        Map<String, Object> row = jdbc.queryForMap("SELECT attempt, failures FROM jobs WHERE id = ?", UUID.fromString(id));
        assertThat(row).containsEntry("ATTEMPT", 2).containsEntry("FAILURES", 1);
        // The last checkpoint before the end of training: after epoch 19 of 20.
        assertThat(output).contains("Job " + id + " resumes from its checkpoint after epoch 19 (attempt 2)");
        assertContinuousMetrics(id, 20);
        assertThat(modelsOf(id)).isEqualTo(1);
    }

    @Test
    void whenTheRetriesRunOutTheJobFailsWithTheLastError() throws Exception {
        models.failNext.set(5);
        String id = submit(ADMIN_KEY, job(3, ",\"retries\":1")).get("id").asString();
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").get("detail").asString()).isEqualTo("Training failed 2 times with an unexpected "
                + "error (the last: IllegalStateException); it has been logged (job " + id + ").");
        Map<String, Object> row = jdbc.queryForMap("SELECT attempt, failures FROM jobs WHERE id = ?", UUID.fromString(id));
        assertThat(row).containsEntry("ATTEMPT", 2).containsEntry("FAILURES", 1);
        assertThat(modelsOf(id)).isZero();
    }

    /** A node that died between registering the model and marking the job done, its trigger already gone. */
    @Test
    void aJobNothingRunsAnyMoreIsQueuedAgainAndKeepsItsOneModel() throws Exception {
        String id = submit(ADMIN_KEY, job(3, "")).get("id").asString();
        JsonNode first = awaitEnd(ADMIN_KEY, id);
        assertThat(first.get("status").asString()).isEqualTo("SUCCEEDED");
        // The row says SUCCEEDED a moment before the run returns and Quartz drops its trigger; until then
        // the job is still something that runs, and reconcile rightly leaves it alone.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((runs.running(UUID.fromString(id)) || queue.holds(UUID.fromString(id))) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        jdbc.update("UPDATE jobs SET status = 'RUNNING', model_id = NULL, finished_at = NULL WHERE id = ?",
                UUID.fromString(id));

        assertThat(orphans.reconcile()).isEqualTo(1);
        JsonNode again = awaitEnd(ADMIN_KEY, id);
        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("modelId")).isEqualTo(first.get("modelId"));
        assertThat(modelsOf(id)).isEqualTo(1);
        assertContinuousMetrics(id, 3);
        // Nothing else is orphaned, so a second pass finds nothing to do.
        assertThat(orphans.reconcile()).isZero();
    }

    private void assertContinuousMetrics(String id, int epochs) throws Exception {
        List<Integer> seen = new java.util.ArrayList<>();
        metrics(ADMIN_KEY, id).forEach(m -> seen.add(m.get("epoch").asInt()));
        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, epochs).boxed().toList());
    }

    private long modelsOf(String id) {
        return models.models.values().stream().filter(m -> m.jobId().equals(UUID.fromString(id))).count();
    }
}
