package io.widrow.jobs;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One test per job limit, each set low; every refusal happens at submission, before anything is queued. */
class JobLimitsTest extends JobsTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "job-limits", 1);
        registry.add("widrow.limits.max-parameters", () -> "10000");
        registry.add("widrow.limits.max-epoch-rows", () -> "100000000");
        registry.add("widrow.limits.max-active-jobs", () -> "2");
        registry.add("widrow.limits.max-runtime-seconds", () -> "3600");
        // of the tests' 2 GB heap: about 2 MB per job
        registry.add("widrow.limits.max-job-memory-fraction", () -> "0.001");
        registry.add("widrow.limits.storage-quota", () -> "100KB");
    }

    private ResultActions post(String key, String spec) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/jobs")
                .header(API_KEY, key).contentType(MediaType.APPLICATION_JSON).content(spec));
    }

    private static ResultActions refused(ResultActions r, int status, String field, String... parts) throws Exception {
        r.andExpect(status().is(status)).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        for (String p : parts) {
            r.andExpect(field == null ? jsonPath("$.detail").value(containsString(p))
                    : jsonPath("$.errors[?(@.field == '" + field + "')].message").value(hasItem(containsString(p))));
        }
        return r;
    }

    @Test
    void parametersPerNetwork() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 200, 0.1);
        refused(post(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":200},{\"units\":200}]}}"),
                400, "model.layers", "41202 trainable parameters", "limit of 10000", "widrow.limits.max-parameters");
    }

    @Test
    void billionUnitLayersAndHugeFeatureMapsAreRefusedBeforeAnythingIsAllocated() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 200, 0.1);
        refused(post(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":1000000000}]}}"),
                400, "model.layers[0].units", "must be in [1, 100000], got 1000000000");
        refused(post(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":["
                + "{\"units\":100000},{\"units\":100000},{\"units\":100000}]}}"), 400, "model.layers",
                "widrow.limits.max-parameters");
    }

    @Test
    void epochsTimesRows() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 2000, 0.1);
        refused(post(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":4}]},"
                        + "\"training\":{\"epochs\":100000}}"), 400, "training.epochs",
                "100000 epochs × 2000 rows = 200000000", "budget of 100000000", "widrow.limits.max-epoch-rows");
    }

    @Test
    void maxRuntimeSecondsHasAConfigurableCeiling() throws Exception {
        String ds = generate(ADMIN_KEY, "and", 8, 0);
        refused(post(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"maxRuntimeSeconds\":7200}"), 400,
                "maxRuntimeSeconds", "at most 3600", "widrow.limits.max-runtime-seconds", "got 7200");
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"perceptron\"}}").get("id").asString();
        assertThat(awaitEnd(ADMIN_KEY, id).get("spec").get("maxRuntimeSeconds").asInt()).isEqualTo(3600);
    }

    @Test
    void memoryEstimateAgainstTheHeap() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 2000, 0.1);
        refused(post(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":90},{\"units\":90}]},"
                + "\"training\":{\"batchSize\":0,\"epochs\":1}}"), 400, "model", "estimated", "activations",
                "widrow.limits.max-job-memory-fraction");
    }

    @Test
    void modelStorageCountsAgainstTheOwnersQuota() throws Exception {
        String dora = createKey("dora", "user");
        String ds = generate(dora, "rings", 200, 0.1);
        refused(post(dora, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":90},{\"units\":90}]}}"),
                413, null, "the model this job will produce", "storage quota of 100 KB", "widrow.limits.storage-quota");
    }

    @Test
    void queuedOrRunningJobsPerOwnerAnswer429() throws Exception {
        String erin = createKey("erin", "user");
        String ds = generate(erin, "rings", 2000, 0.1);
        String longJob = "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":16}]},"
                + "\"training\":{\"epochs\":50000,\"earlyStopping\":{\"patience\":0}}}";
        String first = submit(erin, longJob).get("id").asString();
        String second = submit(erin, longJob).get("id").asString();
        try {
            refused(post(erin, longJob), 429, null, "already has 2 queued or running jobs", "limit is 2",
                    "widrow.limits.max-active-jobs")
                    .andExpect(header().string("Retry-After", "30"));
            // another owner is not affected
            String other = generate(ADMIN_KEY, "and", 8, 0);
            submit(ADMIN_KEY, "{\"datasetId\":\"" + other + "\",\"model\":{\"type\":\"perceptron\"}}");
        } finally {
            for (String id : new String[] {second, first}) {
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/jobs/" + id + "/cancel").header(API_KEY, erin));
                awaitStatus(erin, id, TERMINAL, Duration.ofSeconds(30));
            }
        }
    }
}
