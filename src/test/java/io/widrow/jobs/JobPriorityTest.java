package io.widrow.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One worker kept busy, so the queue's order decides which waiting job runs next. */
class JobPriorityTest extends JobsTestSupport {
    private static final String LONG = "{\"datasetId\":\"%s\",\"training\":{\"epochs\":100000,\"earlyStopping\":{\"patience\":0},\"batchSize\":8}}";
    private static final String SHORT = "{\"datasetId\":\"%s\",\"priority\":%d,\"model\":{\"layers\":[{\"units\":4}]},"
            + "\"training\":{\"epochs\":2}}";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "jobs-priority", 1);
    }

    @Test
    void aHigherPriorityJobOvertakesEarlierQueuedOnes() throws Exception {
        String ds = generate(ADMIN_KEY, "xor", 40, 0.05);
        String blocker = submit(ADMIN_KEY, LONG.formatted(ds)).get("id").asString();
        awaitStatus(ADMIN_KEY, blocker, Set.of("RUNNING"), Duration.ofSeconds(10));
        String low = submit(ADMIN_KEY, SHORT.formatted(ds, 0)).get("id").asString();
        String lowToo = submit(ADMIN_KEY, SHORT.formatted(ds, 0)).get("id").asString();
        String high = submit(ADMIN_KEY, SHORT.formatted(ds, 10)).get("id").asString();

        mvc.perform(post("/api/v1/jobs/" + blocker + "/cancel").header(API_KEY, ADMIN_KEY)).andExpect(status().isAccepted());
        Instant highStart = Instant.parse(awaitEnd(ADMIN_KEY, high).get("startedAt").asString());
        Instant lowStart = Instant.parse(awaitEnd(ADMIN_KEY, low).get("startedAt").asString());
        Instant lowTooStart = Instant.parse(awaitEnd(ADMIN_KEY, lowToo).get("startedAt").asString());

        assertThat(highStart).isBefore(lowStart);
        assertThat(lowStart).as("equal priorities keep submission order").isBefore(lowTooStart);
    }
}
