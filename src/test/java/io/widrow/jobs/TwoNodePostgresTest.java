package io.widrow.jobs;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (two application contexts, one Quartz worker each) clustered on one fresh PostgreSQL database:
 * every job runs exactly once and both nodes take work. Skipped when no PostgreSQL is reachable at
 * WIDROW_TEST_PG_URL (default localhost:5432) with WIDROW_TEST_PG_USER / WIDROW_TEST_PG_PASSWORD.
 *
 * <p>Both contexts live in one JVM and share the scheduler name (that is what makes them one cluster), so
 * Quartz's JVM-wide data-source registry hands both the second node's pool; the database, the row locks and
 * the two scheduler instances (ids, thread pools, check-ins) are still separate, which is what is under test.
 */
class TwoNodePostgresTest {
    private static TestPostgres db;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static Node node(String name) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("widrow.data-dir", java.nio.file.Files.createTempDirectory("widrow-test-pg-" + name).toString());
        props.put("spring.datasource.url", db.url());
        props.put("spring.datasource.username", TestPostgres.USER);
        props.put("spring.datasource.password", TestPostgres.PASSWORD);
        props.put("widrow.workers", "1");
        return Node.start(props, "postgres");
    }

    @Test
    void twentyJobsRunExactlyOnceAcrossTwoNodes() throws Exception {
        try (Node a = node("a"); Node b = node("b")) {
            String ds = a.generate("rings", 1500, 0.05);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(a.post("/api/v1/jobs", "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":8}]},"
                        + "\"training\":{\"epochs\":6,\"batchSize\":16,\"earlyStopping\":{\"patience\":0}}}", 202)
                        .get("id").asString());
            }
            for (String id : ids) {
                JsonNode job = a.awaitEnd(id, Duration.ofSeconds(120));
                assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
                assertThat(job.get("epoch").asInt()).isEqualTo(6);
            }
            var jdbc = a.jdbc();
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT node, attempt FROM jobs");
            assertThat(rows).hasSize(20).allSatisfy(r -> assertThat(((Number) r.get("attempt")).intValue()).isEqualTo(1));
            Map<String, Long> perNode = new HashMap<>();
            rows.forEach(r -> perNode.merge((String) r.get("node"), 1L, Long::sum));
            assertThat(perNode).as("jobs per node").hasSize(2);
            Long metrics = jdbc.queryForObject("SELECT COUNT(*) FROM job_metrics", Long.class);
            Long distinct = jdbc.queryForObject("SELECT COUNT(DISTINCT (job_id, epoch)) FROM job_metrics", Long.class);
            assertThat(metrics).isEqualTo(120L).isEqualTo(distinct);
            // No trigger is left behind to fire again.
            Long triggers = jdbc.queryForObject("SELECT COUNT(*) FROM qrtz_triggers", Long.class);
            assertThat(triggers).isZero();
            System.out.println("jobs per node: " + perNode.toString().toLowerCase(Locale.ROOT));

            // A cancel sent to the node that is not training reaches the trainer through the database flag.
            String big = a.generate("rings", 4000, 0.1);
            String id = a.post("/api/v1/jobs", "{\"datasetId\":\"" + big + "\",\"training\":{\"epochs\":100000,\"earlyStopping\":{\"patience\":0},"
                    + "\"batchSize\":8}}", 202).get("id").asString();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!a.get("/api/v1/jobs/" + id).get("status").asString().equals("RUNNING")) {
                assertThat(System.nanoTime()).as("job never started").isLessThan(deadline);
                Thread.sleep(100);
            }
            String trainer = jdbc.queryForObject("SELECT node FROM jobs WHERE id = ?", String.class, UUID.fromString(id));
            Node other = instanceId(a).equals(trainer) ? b : a;
            long asked = System.nanoTime();
            other.post("/api/v1/jobs/" + id + "/cancel", "", 202);
            JsonNode cancelled = other.awaitEnd(id, Duration.ofSeconds(10));
            assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static String instanceId(Node node) throws Exception {
        return node.context.getBean(org.quartz.Scheduler.class).getSchedulerInstanceId();
    }
}
