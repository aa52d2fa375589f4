package io.widrow.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Faults only real processes have, each ending in a job that finishes with exactly the epochs it asked for,
 * every epoch's metrics stored once and one model: the node training a job is killed (-9) and another node of
 * the cluster resumes it; a single H2 node is killed and restarted on the same data; a node gets SIGTERM and
 * hands its job back to the queue with a checkpoint before it exits.
 */
class JobProcessFaultsTest {
    private static final int EPOCHS = 20;
    private static final Duration READY = Duration.ofSeconds(90);
    private static final Pattern RESUMED = Pattern.compile("Job (\\S+) resumes from its checkpoint after epoch (\\d+)");

    /** A few tenths of a second per epoch in a C1-only server: slow enough to stop mid-run, quick enough to finish. */
    private static String job(String datasetId) {
        return "{\"datasetId\":\"" + datasetId + "\",\"model\":{\"layers\":[{\"units\":64},{\"units\":64}]},"
                + "\"training\":{\"epochs\":" + EPOCHS + ",\"batchSize\":8,\"earlyStopping\":{\"patience\":0}},"
                + "\"checkpointEvery\":1}";
    }

    @Test
    void whenTheNodeTrainingAJobIsKilledAnotherNodeFinishesIt() throws Exception {
        try (TestPostgres db = TestPostgres.create();
             ServerProcess a = ServerProcess.launch("node-a", postgres(db, "node-a"));
             ServerProcess b = ServerProcess.launch("node-b", postgres(db, "node-b"))) {
            a.awaitReady(READY);
            b.awaitReady(READY);
            String id = a.post("/api/v1/jobs", job(a.generate("rings", 8000, 0.1)), 202).get("id").asString();
            try (Connection c = db.connect()) {
                awaitCheckpoint(c, id, 2);
                String owner = single(c, "SELECT node FROM jobs WHERE id = ?", id);
                ServerProcess victim = owner.equals(a.name) ? a : b;
                ServerProcess survivor = victim == a ? b : a;
                victim.kill();

                JsonNode done = survivor.awaitEnd(id, Duration.ofSeconds(90));
                assertFinishedOnce(survivor, done, id);
                assertThat(single(c, "SELECT node FROM jobs WHERE id = ?", id)).isEqualTo(survivor.name);
                assertThat(single(c, "SELECT attempt FROM jobs WHERE id = ?", id)).isEqualTo("2");
                assertThat(single(c, "SELECT COUNT(*) FROM models WHERE job_id = ?", id)).isEqualTo("1");
                assertThat(resumedAfter(survivor, id)).isBetween(2, EPOCHS - 1);
            }
        }
    }

    @Test
    void aSingleH2NodeKilledMidJobResumesItAfterARestart() throws Exception {
        Map<String, String> settings = h2(Files.createTempDirectory("widrow-test-kill"));
        String id;
        try (ServerProcess first = ServerProcess.launch("h2-first", settings)) {
            first.awaitReady(READY);
            id = first.post("/api/v1/jobs", job(first.generate("rings", 8000, 0.1)), 202).get("id").asString();
            awaitEpoch(first, id, 3);
            first.kill();
        }
        try (ServerProcess second = ServerProcess.launch("h2-second", settings)) {
            second.awaitReady(READY);
            JsonNode done = second.awaitEnd(id, Duration.ofSeconds(90));
            assertFinishedOnce(second, done, id);
            // The restarted run began after the checkpoint, not at epoch 1.
            assertThat(resumedAfter(second, id) + 1).isGreaterThan(1);
        }
    }

    @Test
    void sigtermHandsTheJobBackToTheQueueWithACheckpoint() throws Exception {
        Path dir = Files.createTempDirectory("widrow-test-term");
        Map<String, String> settings = h2(dir);
        String id;
        try (ServerProcess first = ServerProcess.launch("h2-term", settings)) {
            first.awaitReady(READY);
            id = first.post("/api/v1/jobs", job(first.generate("rings", 8000, 0.1)), 202).get("id").asString();
            awaitEpoch(first, id, 3);
            assertThat(first.terminate(Duration.ofSeconds(30))).as("exited within the shutdown grace").isTrue();
            assertThat(first.output()).containsPattern("Job " + id + " suspended after epoch \\d+: checkpoint saved");
        }
        int saved;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("widrow"), "sa", "")) {
            assertThat(single(c, "SELECT status FROM jobs WHERE id = ?", id)).isEqualTo("QUEUED");
            saved = Integer.parseInt(single(c, "SELECT epoch FROM job_checkpoints WHERE job_id = ?", id));
            assertThat(saved).isBetween(2, EPOCHS - 1);
            // A new trigger waits for the next start, perhaps already acquired by the scheduler as it went to
            // standby (a restart releases it). The finished run's own trigger may linger too: its completion
            // races the exit, and a recovery of it finds the job already taken.
            // Or none: a requeued trigger the scheduler fired as it went to standby fails on the closing database
            // and is consumed; the startup reconciliation then queues the QUEUED job again (asserted below by the
            // restart resuming it from the saved checkpoint).
            assertThat(Integer.parseInt(single(c, "SELECT COUNT(*) FROM qrtz_triggers WHERE job_name = ? "
                    + "AND trigger_state IN ('WAITING', 'ACQUIRED')", id))).isBetween(0, 1);
        }
        try (ServerProcess second = ServerProcess.launch("h2-term-restart", settings)) {
            second.awaitReady(READY);
            JsonNode done = second.awaitEnd(id, Duration.ofSeconds(90));
            assertFinishedOnce(second, done, id);
            assertThat(resumedAfter(second, id)).isEqualTo(saved);
        }
    }

    private static Map<String, String> postgres(TestPostgres db, String node) {
        return Map.of("spring.profiles.active", "postgres", "spring.datasource.url", db.url(),
                "spring.datasource.username", TestPostgres.USER, "spring.datasource.password", TestPostgres.PASSWORD,
                "widrow.data-dir", tempDir(node),
                "spring.quartz.properties.org.quartz.scheduler.instanceId", node);
    }

    /** A fixed Quartz instance id: a restarted node recovers its own dead runs at once, without a check-in timeout. */
    private static Map<String, String> h2(Path dir) {
        return Map.of("widrow.data-dir", dir.toString(), "spring.quartz.properties.org.quartz.scheduler.instanceId", "solo");
    }

    private static String tempDir(String name) {
        try {
            return Files.createTempDirectory("widrow-test-" + name).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertFinishedOnce(HttpApi api, JsonNode job, String id) throws Exception {
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epoch").asInt()).isEqualTo(EPOCHS);
        List<Integer> epochs = new ArrayList<>();
        api.get("/api/v1/jobs/" + id + "/metrics").forEach(m -> epochs.add(m.get("epoch").asInt()));
        assertThat(epochs).containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
        JsonNode model = api.get("/api/v1/models/" + job.get("modelId").asString());
        assertThat(model.get("jobId").asString()).isEqualTo(id);
    }

    /** The epoch after which the server's log says it resumed the job (there must be exactly one such line). */
    private static int resumedAfter(ServerProcess server, String id) throws Exception {
        List<Integer> found = new ArrayList<>();
        Matcher m = RESUMED.matcher(server.output());
        while (m.find()) {
            if (m.group(1).equals(id)) {
                found.add(Integer.parseInt(m.group(2)));
            }
        }
        assertThat(found).as("resume lines for job %s in %s", id, server.log).hasSize(1);
        return found.get(0);
    }

    private static void awaitEpoch(HttpApi api, String id, int epoch) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.get("/api/v1/jobs/" + id).get("epoch").asInt() < epoch) {
            if (System.nanoTime() > deadline) {
                fail("job %s did not reach epoch %d", id, epoch);
            }
            Thread.sleep(50);
        }
    }

    private static void awaitCheckpoint(Connection c, String id, int epoch) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String saved = single(c, "SELECT MAX(epoch) FROM job_checkpoints WHERE job_id = ?", id);
            if (saved != null && Integer.parseInt(saved) >= epoch) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("job %s saved no checkpoint at epoch %d", id, epoch);
            }
            Thread.sleep(50);
        }
    }

    private static String single(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, sql.contains("job_name") ? id : UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
