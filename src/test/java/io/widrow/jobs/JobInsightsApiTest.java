package io.widrow.jobs;

import java.time.Duration;
import java.util.Set;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /jobs/{id}/boundary and /jobs/{id}/confusion against the whole application with the real model registry:
 * live snapshots while a job runs, the stored model once it succeeded, 204 before there is anything.
 */
class JobInsightsApiTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "job-insights", true);
    }

    private static String alice;
    private static String bob;

    @BeforeEach
    void keys() throws Exception {
        if (alice == null) {
            alice = createKey("alice", "user");
            bob = createKey("bob", "user");
        }
    }

    private String generate(String kind, int samples) throws Exception {
        return body(mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, alice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"" + kind + "\",\"samples\":" + samples + ",\"noise\":0.1,\"seed\":7}"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
    }

    private String submit(String spec) throws Exception {
        return body(mvc.perform(post("/api/v1/jobs").header(API_KEY, alice).contentType(MediaType.APPLICATION_JSON)
                .content(spec)).andExpect(status().isAccepted()).andReturn()).get("id").asString();
    }

    private JsonNode awaitStatus(String id, Set<String> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode j = null;
        while (System.nanoTime() < deadline) {
            j = body(mvc.perform(get("/api/v1/jobs/" + id).header(API_KEY, alice)).andReturn());
            if (wanted.contains(j.get("status").asString())) {
                return j;
            }
            Thread.sleep(50);
        }
        return fail("job %s did not reach %s: %s", id, wanted, j);
    }

    @Test
    void finishedJobShowsItsModelsBoundaryAndTheValidationConfusionMatrix() throws Exception {
        String ds = generate("moons", 400);
        String job = submit("{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":6},{\"units\":3,\"activation\":\"tanh\"}]},"
                + "\"training\":{\"epochs\":5,\"optimizer\":{\"type\":\"adam\",\"learningRate\":0.01}},\"validation\":{\"split\":0.25}}");
        JsonNode done = awaitStatus(job, Set.of("SUCCEEDED"));
        JsonNode b = body(mvc.perform(get("/api/v1/jobs/{id}/boundary", job).header(API_KEY, alice)
                        .param("resolution", "16").param("neuronResolution", "8")
                        .param("xMin", "-2").param("xMax", "3").param("yMin", "-1.5").param("yMax", "2"))
                .andExpect(status().isOk()).andReturn());
        assertThat(b.get("live").asBoolean()).isFalse();
        assertThat(b.get("epoch").asInt()).isEqualTo(5);
        assertThat(b.get("outputs")).hasSize(16 * 16 * 2);
        assertThat(b.get("predicted")).hasSize(256);
        assertThat(b.get("neurons")).hasSize(9);
        assertThat(b.get("neurons").get(8).get("activation").asString()).isEqualTo("tanh");
        assertThat(b.get("neurons").get(0).get("values")).hasSize(64);
        assertThat(b.get("xMin").asDouble()).isEqualTo(-2.0);

        JsonNode c = body(mvc.perform(get("/api/v1/jobs/{id}/confusion", job).header(API_KEY, alice))
                .andExpect(status().isOk()).andReturn());
        assertThat(c.get("isFinal").asBoolean()).isTrue();
        assertThat(c.get("set").asString()).isEqualTo("validation");
        assertThat(c.get("rows").asLong()).isEqualTo(100);
        long sum = 0;
        for (JsonNode row : c.get("counts")) {
            for (JsonNode v : row) {
                sum += v.asLong();
            }
        }
        assertThat(sum).isEqualTo(100);
        assertThat(c.get("classes")).hasSize(2);

        // Without the stored model the job still shows the last live snapshot it took.
        mvc.perform(delete("/api/v1/models/{id}", done.get("modelId").asString()).header(API_KEY, alice))
                .andExpect(status().isNoContent());
        JsonNode snap = body(mvc.perform(get("/api/v1/jobs/{id}/boundary", job).header(API_KEY, alice).param("resolution", "4"))
                .andExpect(status().isOk()).andReturn());
        assertThat(snap.get("epoch").asInt()).isBetween(1, 5);
        assertThat(snap.get("outputs")).hasSize(32);
    }

    @Test
    void runningJobServesLiveSnapshotsAndQueuedJobsHaveNothingYet() throws Exception {
        String ds = generate("rings", 2000);
        String running = submit("{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":16}]},"
                + "\"training\":{\"epochs\":100000,\"batchSize\":1,\"earlyStopping\":{\"patience\":0}}}");
        String queued = submit("{\"datasetId\":\"" + ds + "\",\"training\":{\"epochs\":1}}");
        awaitStatus(running, Set.of("RUNNING"));
        mvc.perform(get("/api/v1/jobs/{id}/boundary", queued).header(API_KEY, alice)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/jobs/{id}/confusion", queued).header(API_KEY, alice)).andExpect(status().isNoContent());

        JsonNode live = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (live == null && System.nanoTime() < deadline) {
            var r = mvc.perform(get("/api/v1/jobs/{id}/boundary", running).header(API_KEY, alice).param("resolution", "8"))
                    .andReturn().getResponse();
            if (r.getStatus() == 200) {
                live = json.readTree(r.getContentAsString());
            } else {
                assertThat(r.getStatus()).isEqualTo(204);
                Thread.sleep(50);
            }
        }
        assertThat(live).as("a live snapshot within 30 s").isNotNull();
        assertThat(live.get("live").asBoolean()).isTrue();
        assertThat(live.get("epoch").asInt()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/api/v1/jobs/{id}/confusion", running).header(API_KEY, alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.isFinal").value(false))
                .andExpect(jsonPath("$.rows").value(200));

        mvc.perform(post("/api/v1/jobs/{id}/cancel", queued).header(API_KEY, alice)).andExpect(status().isAccepted());
        mvc.perform(post("/api/v1/jobs/{id}/cancel", running).header(API_KEY, alice)).andExpect(status().isAccepted());
        awaitStatus(running, Set.of("CANCELLED"));
    }

    @Test
    void otherShapesAndBadParametersAreProblems() throws Exception {
        String three = body(mvc.perform(upload(alice, "three.csv", "a,b,c,y\n0,0,0,n\n1,1,1,y\n0,1,0,n\n1,0,1,y\n"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        String job = submit("{\"datasetId\":\"" + three + "\",\"model\":{\"type\":\"perceptron\"},\"training\":{\"epochs\":1}}");
        mvc.perform(get("/api/v1/jobs/{id}/boundary", job).header(API_KEY, alice))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("has 3 features")));

        String reg = body(mvc.perform(upload(alice, "line.csv", "x1,x2,y\n1,2,3.5\n2,3,5.5\n3,4,7.5\n4,5,9.5\n")
                .param("task", "regression")).andExpect(status().isCreated()).andReturn()).get("id").asString();
        String regJob = submit("{\"datasetId\":\"" + reg + "\",\"model\":{\"type\":\"adaline\"},\"training\":{\"epochs\":2}}");
        mvc.perform(get("/api/v1/jobs/{id}/confusion", regJob).header(API_KEY, alice))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("regression")));
        awaitStatus(regJob, Set.of("SUCCEEDED"));
        mvc.perform(get("/api/v1/jobs/{id}/boundary", regJob).header(API_KEY, alice).param("resolution", "4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.task").value("regression"))
                .andExpect(jsonPath("$.columns").value(1));

        mvc.perform(get("/api/v1/jobs/{id}/boundary", regJob).header(API_KEY, alice).param("resolution", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resolution"));
        mvc.perform(get("/api/v1/jobs/{id}/boundary", regJob).header(API_KEY, alice).param("xMin", "2").param("xMax", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("xMin"));
        mvc.perform(get("/api/v1/jobs/{id}/boundary", regJob).header(API_KEY, alice).param("yMax", "NaN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("yMin"));
    }

    @Test
    void theNewEndpointsAndTheirParametersAreDocumented() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/v1/jobs/{id}/boundary", "/api/v1/jobs/{id}/confusion", "/api/v1/models/{id}/boundary",
                "/api/v1/datasets/{id}/sample", "\"neuronResolution\"", "\"xMin\"", "SurfaceView", "ConfusionView");
    }

    @Test
    void anotherOwnersJobIsNotFound() throws Exception {
        String ds = generate("xor", 40);
        String job = submit("{\"datasetId\":\"" + ds + "\",\"training\":{\"epochs\":2}}");
        awaitStatus(job, Set.of("SUCCEEDED"));
        for (String path : new String[] {"/api/v1/jobs/{id}/boundary", "/api/v1/jobs/{id}/confusion"}) {
            mvc.perform(get(path, job).header(API_KEY, bob))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get(path, job)).andExpect(status().isUnauthorized());
            mvc.perform(get(path, job).header(API_KEY, ADMIN_KEY)).andExpect(status().isOk());
        }
    }
}
