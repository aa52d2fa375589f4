package io.widrow.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.widrow.ApiTestSupport;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Jobs tests run the whole application; the model registry is an in-memory fake so they do not depend on models. */
@Import(JobsTestSupport.FakeModels.class)
@DirtiesContext
public abstract class JobsTestSupport extends ApiTestSupport {
    static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    @TestConfiguration
    public static class FakeModels {
        @Bean
        @Primary
        InMemoryModels inMemoryModels() {
            return new InMemoryModels();
        }
    }

    public static class InMemoryModels implements ModelRegistry {
        public final Map<UUID, NewModel> models = new ConcurrentHashMap<>();
        /** Calls to fail before registering works again: an unexpected error at the end of a run. */
        public final AtomicInteger failNext = new AtomicInteger();

        @Override
        public synchronized UUID register(NewModel model) {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("injected registry failure");
            }
            // Idempotent per job, as the real registry.
            for (Map.Entry<UUID, NewModel> e : models.entrySet()) {
                if (model.jobId() != null && model.jobId().equals(e.getValue().jobId())) {
                    return e.getKey();
                }
            }
            UUID id = UUID.randomUUID();
            models.put(id, model);
            return id;
        }
    }

    /**
     * Like {@link #isolatedDatabase} (which also gives the context its own Quartz scheduler name) with a
     * chosen worker count. Contexts are closed after each class so finished classes stop polling.
     */
    protected static void isolatedJobsDatabase(DynamicPropertyRegistry registry, String name, int workers) {
        isolatedDatabase(registry, name, true);
        registry.add("widrow.workers", () -> Integer.toString(workers));
    }

    protected String generate(String key, String kind, int samples, double noise) throws Exception {
        return body(mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"" + kind + "\",\"samples\":" + samples + ",\"noise\":" + noise + ",\"seed\":7}"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
    }

    protected JsonNode submit(String key, String spec) throws Exception {
        JsonNode job = body(mvc.perform(post("/api/v1/jobs").header(API_KEY, key)
                        .contentType(MediaType.APPLICATION_JSON).content(spec))
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn());
        return job;
    }

    protected JsonNode job(String key, String id) throws Exception {
        return body(mvc.perform(get("/api/v1/jobs/" + id).header(API_KEY, key)).andExpect(status().isOk()).andReturn());
    }

    protected JsonNode metrics(String key, String id) throws Exception {
        return body(mvc.perform(get("/api/v1/jobs/" + id + "/metrics").header(API_KEY, key))
                .andExpect(status().isOk()).andReturn());
    }

    protected JsonNode awaitStatus(String key, String id, Set<String> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode j = null;
        while (System.nanoTime() < deadline) {
            j = job(key, id);
            if (wanted.contains(j.get("status").asString())) {
                return j;
            }
            Thread.sleep(50);
        }
        return fail("job %s did not reach %s within %s: %s", id, wanted, timeout, j);
    }

    protected JsonNode awaitEnd(String key, String id) throws Exception {
        return awaitStatus(key, id, TERMINAL, Duration.ofSeconds(30));
    }
}
