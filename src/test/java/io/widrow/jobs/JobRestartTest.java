package io.widrow.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application runs, one after the other, on the same H2 file: what a job recorded survives the restart. */
class JobRestartTest {

    @Test
    void jobsAndTheirMetricsSurviveARestart() throws Exception {
        Path dir = Files.createTempDirectory("widrow-test-restart");
        Map<String, Object> props = Map.of(
                "widrow.data-dir", dir.toString(),
                "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("widrow") + ";AUTO_SERVER=TRUE",
                "spring.quartz.scheduler-name", "widrow-test-restart");
        String id;
        JsonNode metricsBefore;
        JsonNode jobBefore;
        try (Node first = Node.start(props)) {
            String ds = first.generate("xor", 40, 0.05);
            id = first.post("/api/v1/jobs", "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":4}]},"
                    + "\"training\":{\"epochs\":5,\"earlyStopping\":{\"patience\":0}}}", 202).get("id").asString();
            jobBefore = first.awaitEnd(id, Duration.ofSeconds(30));
            assertThat(jobBefore.get("status").asString()).isEqualTo("SUCCEEDED");
            metricsBefore = first.get("/api/v1/jobs/" + id + "/metrics");
            assertThat(metricsBefore.size()).isEqualTo(5);
        }
        try (Node second = Node.start(props)) {
            JsonNode jobAfter = second.get("/api/v1/jobs/" + id);
            assertThat(jobAfter.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(jobAfter.get("epoch").asInt()).isEqualTo(5);
            assertThat(jobAfter.get("latest")).isEqualTo(jobBefore.get("latest"));
            assertThat(jobAfter.get("spec")).isEqualTo(jobBefore.get("spec"));
            assertThat(second.get("/api/v1/jobs/" + id + "/metrics")).isEqualTo(metricsBefore);
        }
    }
}
