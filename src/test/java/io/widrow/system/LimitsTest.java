package io.widrow.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import io.widrow.ApiTestSupport;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.models.ModelFixtures;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One test per dataset, storage and predict limit, each with the limit set low: the answer is a 4xx problem+json
 * whose detail names the property and its value. The job limits are in {@code jobs.JobLimitsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "limits", true);
        // MockMvc skips the container's multipart limit, so this exercises the streaming counter
        registry.add("widrow.datasets.max-upload", () -> "64KB");
        registry.add("widrow.datasets.max-cells", () -> "1000");
        registry.add("widrow.limits.max-decompressed", () -> "256KB");
        registry.add("widrow.limits.max-features", () -> "50");
        registry.add("widrow.limits.predict-rate", () -> "0.01");
        registry.add("widrow.limits.predict-burst", () -> "2");
        registry.add("widrow.limits.max-predict-body", () -> "1KB");
        registry.add("widrow.limits.storage-quota", () -> "6KB");
    }

    @Autowired
    ModelRegistry registry;

    private String alice;
    private UUID model;

    @BeforeAll
    void setUp() throws Exception {
        alice = createKey("alice", "user");
        TrainingOutcome blobs = ModelFixtures.blobClassifier();
        model = registry.register(new NewModel("predictor", UUID.randomUUID(), UUID.randomUUID(), blobs.model(),
                ModelFixtures.metrics(blobs)));
    }

    private static ResultActions limit(ResultActions r, int status, String... parts) throws Exception {
        return r.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(allOf(java.util.Arrays.stream(parts).map(p -> containsString(p))
                        .toArray(org.hamcrest.Matcher[]::new))));
    }

    private static String rows(int rows, int features) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < features; f++) {
                sb.append(i % 7).append(',');
            }
            sb.append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return sb.toString();
    }

    @Test
    void uploadSizeIsCountedWhileStreaming() throws Exception {
        // long numerals keep the cell count (200) far below max-cells while the bytes pass 64 KB
        String cell = "0." + "0".repeat(400) + "1";
        String big = "x,y,label\n" + (cell + "," + cell + ",a\n").repeat(100);
        limit(mvc.perform(upload(alice, "big.csv", big)), 413, "65536 bytes", "widrow.datasets.max-upload");
    }

    @Test
    void cellsPerDataset() throws Exception {
        // 501 rows × 2 features = 1002 cells > 1000
        limit(mvc.perform(upload(alice, "cells.csv", rows(501, 2))), 413, "line 501", "1000 cells",
                "widrow.datasets.max-cells");
    }

    @Test
    void featuresPerDataset() throws Exception {
        limit(mvc.perform(upload(alice, "wide.csv", rows(2, 51))), 413, "51 feature columns", "limit of 50",
                "widrow.limits.max-features");
    }

    @Test
    void gzipIsRefusedOnceItInflatesBeyondTheLimit() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("x,label\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("0." + "0".repeat(1000) + "1,a\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 10_000; i++) {
                gz.write(line);
            }
        }
        limit(mvc.perform(upload(alice, "bomb.csv.gz", bytes.toByteArray())), 413, "decompresses to more than",
                "262144 bytes", "widrow.limits.max-decompressed");
    }

    @Test
    void predictRatePerKeyAnswers429WithRetryAfter() throws Exception {
        String key = createKey("predictor", "user");
        String body = "{\"inputs\":[[1,2]]}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/models/{id}/predict", model).header(API_KEY, key)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        }
        limit(mvc.perform(post("/api/v1/models/{id}/predict", model).header(API_KEY, key)
                        .contentType(MediaType.APPLICATION_JSON).content(body)), 429,
                "0.01 requests per second", "bursts of 2", "widrow.limits.predict-rate")
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")));
        // per key: another key of the same owner still has its own burst
        String second = createKey("predictor", "user");
        mvc.perform(post("/api/v1/models/{id}/predict", model).header(API_KEY, second)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    @Test
    void predictBodySize() throws Exception {
        String key = createKey("predictor", "user");
        String body = "{\"inputs\":[" + "[1.0000000,2.0000000],".repeat(60) + "[1,2]]}";
        limit(mvc.perform(post("/api/v1/models/{id}/predict", model).header(API_KEY, key)
                        .contentType(MediaType.APPLICATION_JSON).content(body)), 413,
                "1 KB (1024 bytes)", "widrow.limits.max-predict-body");
    }

    @Test
    void storageQuotaCountsEveryDatasetOfTheOwner() throws Exception {
        String carol = createKey("carol", "user");
        // each stored: 20 rows × 2 features × 4 + 20 × 4 + names ≈ 0.3 KB; 6 KB holds about twenty
        String csv = "x,y,label\n" + rows(20, 2);
        int stored = 0;
        while (true) {
            int s = mvc.perform(upload(carol, "q.csv", csv)).andReturn().getResponse().getStatus();
            if (s != 201) {
                break;
            }
            stored++;
            if (stored > 100) {
                throw new AssertionError("the quota never applied");
            }
        }
        limit(mvc.perform(upload(carol, "q.csv", csv)), 413, "storage quota of 6 KB (6144 bytes)",
                "widrow.limits.storage-quota", "'carol' already stores");
        // other owners are not affected
        mvc.perform(upload(alice, "q.csv", csv)).andExpect(status().isCreated());
    }
}
