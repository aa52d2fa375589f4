package io.widrow.hostile;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.widrow.ApiTestSupport;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.models.ModelFixtures;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The parser fuzzers again, end to end: mutated uploads, predict bodies and job specs through HTTP, where binding,
 * limits and error mapping also take part. Every answer must be 2xx, or 4xx with a problem detail; never 5xx.
 * Accepted jobs are kept tiny (max-epoch-rows) and the context is closed afterwards so none outlives the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HttpFuzzTest extends ApiTestSupport {
    private static final int CASES = 250;
    private static final long SEED = 77L;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "http-fuzz", true);
        registry.add("widrow.limits.max-epoch-rows", () -> "2000");
        registry.add("widrow.limits.predict-rate", () -> "0");
    }

    @Autowired
    ModelRegistry models;

    private String key;
    private String dataset;
    private UUID model;

    @BeforeAll
    void setUp() throws Exception {
        key = createKey("fuzzer", "user");
        MockHttpServletResponse r = mvc.perform(upload(key, "seed.csv", "x1,x2,label\n1,2,a\n3,4,b\n5,6,a\n2,2,b\n"))
                .andReturn().getResponse();
        dataset = json.readTree(r.getContentAsString()).get("id").asString();
        TrainingOutcome blobs = ModelFixtures.blobClassifier();
        model = models.register(new NewModel("fuzzer", null, null, blobs.model(), ModelFixtures.metrics(blobs)));
    }

    private void answer(String what, int i, RequestBuilder request, byte[] input) throws Exception {
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        String body = r.getContentAsString();
        String context = what + " case " + i + " (seed " + SEED + ") for " + ParserFuzz.preview(input) + ": " + body;
        assertThat(r.getStatus()).as(context).isBetween(200, 499);
        if (r.getStatus() >= 400) {
            assertThat(r.getContentType()).as(context).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(json.readTree(body).path("detail").asString()).as(context).isNotBlank();
        }
    }

    @Test
    void uploads() throws Exception {
        Mutator m = new Mutator(SEED);
        byte[] csv = "x1,x2,label\n1,2,a\n3,4,b\n".getBytes(StandardCharsets.UTF_8);
        byte[] jsonRows = "{\"columns\":[\"a\",\"label\"],\"rows\":[[1,\"x\"],[2,\"y\"]]}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < CASES; i++) {
            byte[] input = m.mutate(i % 2 == 0 ? csv : jsonRows);
            answer("upload", i, multipart("/api/v1/datasets")
                    .file(new MockMultipartFile("file", i % 2 == 0 ? "f.csv" : "f.json", "application/octet-stream", input))
                    .param("labelColumn", m.random().nextBoolean() ? "label" : "1")
                    .header(API_KEY, key), input);
        }
    }

    @Test
    void idxUploads() throws Exception {
        Mutator m = new Mutator(SEED + 1);
        for (int i = 0; i < CASES; i++) {
            byte[] images = m.idxImages();
            int count = images.length >= 8 ? java.nio.ByteBuffer.wrap(images, 4, 4).getInt() : 1;
            answer("idx", i, multipart("/api/v1/datasets")
                    .file(new MockMultipartFile("images", "i", "application/octet-stream", images))
                    .file(new MockMultipartFile("labels", "l", "application/octet-stream", m.idxLabels(count)))
                    .header(API_KEY, key), images);
        }
    }

    @Test
    void predictBodies() throws Exception {
        Mutator m = new Mutator(SEED + 2);
        byte[] seed = "{\"inputs\":[[1,2],[3,4]]}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < CASES; i++) {
            byte[] body = i % 2 == 0 ? m.mutate(seed) : json.writeValueAsBytes(m.mutate(json.readTree(seed)));
            answer("predict", i, post("/api/v1/models/" + model + "/predict").header(API_KEY, key)
                    .contentType(MediaType.APPLICATION_JSON).content(body), body);
        }
    }

    @Test
    void jobSpecs() throws Exception {
        Mutator m = new Mutator(SEED + 3);
        JsonNode seed = json.readTree("{\"datasetId\":\"" + dataset + "\",\"model\":{\"layers\":[{\"units\":4}]},"
                + "\"training\":{\"epochs\":20,\"batchSize\":2,\"optimizer\":{\"type\":\"adam\"}},\"validation\":{\"split\":0}}");
        for (int i = 0; i < CASES; i++) {
            byte[] body = i % 2 == 0 ? json.writeValueAsBytes(m.mutate(seed)) : m.mutate(json.writeValueAsBytes(seed));
            answer("job spec", i, post("/api/v1/jobs").header(API_KEY, key)
                    .contentType(MediaType.APPLICATION_JSON).content(body), body);
        }
    }
}
