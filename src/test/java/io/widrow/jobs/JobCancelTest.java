package io.widrow.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One worker, so a long job keeps the next one QUEUED. */
class JobCancelTest extends JobsTestSupport {
    private static final String LONG = "{\"datasetId\":\"%s\",\"training\":{\"epochs\":100000,\"earlyStopping\":{\"patience\":0},\"batchSize\":8}}";

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "jobs-cancel", 1);
    }

    @Test
    void runningAndQueuedJobsCancelAndTheirDatasetIsInUseMeanwhile() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 3000, 0.1);
        String running = submit(ADMIN_KEY, LONG.formatted(ds)).get("id").asString();
        awaitStatus(ADMIN_KEY, running, Set.of("RUNNING"), Duration.ofSeconds(10));
        String queued = submit(ADMIN_KEY, LONG.formatted(ds)).get("id").asString();
        assertThat(job(ADMIN_KEY, queued).get("status").asString()).isEqualTo("QUEUED");

        // A dataset under a live job cannot be deleted.
        mvc.perform(delete("/api/v1/datasets/" + ds).header(API_KEY, ADMIN_KEY)).andExpect(status().isConflict());

        mvc.perform(post("/api/v1/jobs/" + queued + "/cancel").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        Integer triggers = jdbc.queryForObject("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = ?",
                Integer.class, queued);
        assertThat(triggers).isZero();

        Instant asked = Instant.now();
        mvc.perform(post("/api/v1/jobs/" + running + "/cancel").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isAccepted());
        JsonNode done = awaitStatus(ADMIN_KEY, running, Set.of("CANCELLED", "FAILED", "SUCCEEDED"), Duration.ofSeconds(5));
        assertThat(done.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Duration.between(asked, Instant.parse(done.get("finishedAt").asString())))
                .isLessThan(Duration.ofSeconds(2));
        assertThat(done.get("modelId").isNull()).isTrue();

        mvc.perform(post("/api/v1/jobs/" + running + "/cancel").header(API_KEY, ADMIN_KEY)).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/jobs/" + queued + "/cancel").header(API_KEY, ADMIN_KEY)).andExpect(status().isConflict());
        // The cancelled queued job never ran.
        assertThat(job(ADMIN_KEY, queued).get("startedAt").isNull()).isTrue();
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE resource_type = 'job' AND resource_id = ?",
                String.class, running)).containsExactly("create", "cancel");
        // Nothing live uses the dataset any more.
        mvc.perform(delete("/api/v1/datasets/" + ds).header(API_KEY, ADMIN_KEY)).andExpect(status().isNoContent());
    }

    @Test
    void aCancelFlagSetByAnotherNodeIsSeenThroughTheDatabase() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 3000, 0.1);
        String id = submit(ADMIN_KEY, LONG.formatted(ds)).get("id").asString();
        awaitStatus(ADMIN_KEY, id, Set.of("RUNNING"), Duration.ofSeconds(10));
        // What the cancel endpoint on another node does: only the database flag, no local signal here.
        jdbc.update("UPDATE jobs SET cancel_requested = TRUE WHERE id = ?", java.util.UUID.fromString(id));
        JsonNode done = awaitStatus(ADMIN_KEY, id, Set.of("CANCELLED", "FAILED", "SUCCEEDED"), Duration.ofSeconds(3));
        assertThat(done.get("status").asString()).isEqualTo("CANCELLED");
    }
}
