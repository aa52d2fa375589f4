package io.widrow.models;

import java.util.UUID;

import io.widrow.ApiTestSupport;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.ModelCodec;
import io.widrow.engine.model.Prediction;
import io.widrow.engine.model.TrainedModel;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ModelApiTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "models", true);
    }

    @Autowired
    ModelRegistry registry;

    @Autowired
    ModelLookup lookup;

    @Autowired
    JdbcClient jdbc;

    private static String alice;
    private static String bob;
    private static TrainingOutcome blobs;

    @BeforeEach
    void setUp() throws Exception {
        if (alice == null) {
            alice = createKey("alice", "user");
            bob = createKey("bob", "user");
            blobs = ModelFixtures.blobClassifier();
        }
    }

    private UUID registerBlobs(String owner) {
        return registry.register(new NewModel(owner, UUID.randomUUID(), UUID.randomUUID(), blobs.model(),
                ModelFixtures.metrics(blobs)));
    }

    @Test
    void detailShowsMetadataButNotWeights() throws Exception {
        UUID job = UUID.randomUUID();
        UUID dataset = UUID.randomUUID();
        UUID id = registry.register(new NewModel("alice", job, dataset, blobs.model(), ModelFixtures.metrics(blobs)));
        JsonNode body = body(mvc.perform(get("/api/v1/models/{id}", id).header(API_KEY, alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.jobId").value(job.toString()))
                .andExpect(jsonPath("$.datasetId").value(dataset.toString()))
                .andExpect(jsonPath("$.type").value("mlp"))
                .andExpect(jsonPath("$.task").value("classification"))
                .andExpect(jsonPath("$.architecture[0]").value("input 2"))
                .andExpect(jsonPath("$.featureNames[0]").value("height"))
                .andExpect(jsonPath("$.featureNames[1]").value("weight"))
                .andExpect(jsonPath("$.classes[0]").value("cat"))
                .andExpect(jsonPath("$.classes[1]").value("dog"))
                .andExpect(jsonPath("$.parameters").value(blobs.model().parameterCount()))
                .andExpect(jsonPath("$.metrics.epochs").value(30))
                .andExpect(jsonPath("$.metrics.valAccuracy").isNumber())
                .andExpect(jsonPath("$.createdAt").exists())
                .andReturn());
        assertThat(body.has("weights")).isFalse();
        assertThat(body.get("architecture").size()).isEqualTo(blobs.model().architecture().size());
        assertThat(body.get("metrics").get("accuracy").asDouble()).isGreaterThan(0.9);
        long bytes = jdbc.sql("SELECT weights_bytes FROM models WHERE id = ?").param(id).query(Long.class).single();
        assertThat(bytes).isEqualTo(ModelCodec.write(blobs.model()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        long audits = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND resource_type = 'model' "
                + "AND resource_id = ?").param(id.toString()).query(Long.class).single();
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void nonFiniteMetricsAreStoredAsNull() throws Exception {
        var metrics = new java.util.HashMap<String, Object>(ModelFixtures.metrics(blobs));
        metrics.put("valLoss", Double.NaN);
        UUID id = registry.register(new NewModel("alice", null, null, blobs.model(), metrics));
        mvc.perform(get("/api/v1/models/{id}", id).header(API_KEY, alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metrics.valLoss").isEmpty())
                .andExpect(jsonPath("$.jobId").isEmpty());
    }

    @Test
    void listIsPagedNewestFirstAndScopedToTheOwner() throws Exception {
        UUID[] ids = new UUID[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = registerBlobs("carol");
            Thread.sleep(2);
        }
        String carol = createKey("carol", "user");
        mvc.perform(get("/api/v1/models").param("page", "0").param("size", "2").header(API_KEY, carol))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(ids[4].toString()))
                .andExpect(jsonPath("$.items[1].id").value(ids[3].toString()))
                .andExpect(jsonPath("$.items[0].weights").doesNotExist());
        mvc.perform(get("/api/v1/models").param("page", "2").param("size", "2").header(API_KEY, carol))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(ids[0].toString()));
        mvc.perform(get("/api/v1/models").param("size", "500").header(API_KEY, carol))
                .andExpect(status().isBadRequest());
        JsonNode admin = body(mvc.perform(get("/api/v1/models").param("size", "100").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isOk()).andReturn());
        assertThat(admin.get("total").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode bobs = body(mvc.perform(get("/api/v1/models").header(API_KEY, bob)).andReturn());
        for (JsonNode item : bobs.get("items")) {
            assertThat(java.util.List.of(ids).contains(UUID.fromString(item.get("id").asString()))).isFalse();
        }
    }

    @Test
    void weightsRoundTripThroughTheCodecToIdenticalPredictions() throws Exception {
        UUID id = registerBlobs("alice");
        String doc = mvc.perform(get("/api/v1/models/{id}/weights", id).header(API_KEY, alice))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andReturn().getResponse().getContentAsString();
        TrainedModel read = ModelCodec.read(doc);
        Dataset held = ModelFixtures.blobs(100, 3);
        Prediction a = blobs.model().predict(held.x(), held.rows());
        Prediction b = read.predict(held.x(), held.rows());
        assertThat(b.outputs()).containsExactly(a.outputs());
        assertThat(b.labels()).containsExactly(a.labels());
        assertThat(read.featureNames()).containsExactly("height", "weight");
        assertThat(read.classes()).containsExactly("cat", "dog");

        mvc.perform(get("/api/v1/models/{id}/weights", id).param("download", "true").header(API_KEY, alice))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=model-" + id + ".json"))
                .andExpect(jsonPath("$.format").value("widrow-model"));
        long audits = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'download' AND resource_id = ?")
                .param(id.toString()).query(Long.class).single();
        assertThat(audits).isEqualTo(2);
    }

    @Test
    void otherUsersGetNotFoundAndAdminsSeeEverything() throws Exception {
        UUID id = registerBlobs("alice");
        mvc.perform(get("/api/v1/models/{id}", id).header(API_KEY, bob))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/models/{id}/weights", id).header(API_KEY, bob)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/models/{id}", id).header(API_KEY, bob)).andExpect(status().isNotFound());
        assertThat(lookup.find(id, new Caller("bob", false))).isEmpty();
        assertThat(lookup.find(id, new Caller("alice", false))).isPresent();
        assertThat(lookup.find(id, new Caller("root", true))).isPresent();

        mvc.perform(get("/api/v1/models/{id}", id).header(API_KEY, ADMIN_KEY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id.toString()));
        mvc.perform(get("/api/v1/models/{id}/weights", id).header(API_KEY, ADMIN_KEY)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/models/{id}", id).header(API_KEY, alice)).andExpect(status().isOk());
    }

    @Test
    void withoutAKeyEverythingIsUnauthorized() throws Exception {
        UUID id = registerBlobs("alice");
        mvc.perform(get("/api/v1/models")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/models/{id}", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/models/{id}/weights", id)).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/models/{id}", id)).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownModelIsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(get("/api/v1/models/{id}", id).header(API_KEY, alice))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString(id.toString())));
        mvc.perform(get("/api/v1/models/{id}/weights", id).header(API_KEY, alice)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/models/{id}", id).header(API_KEY, alice)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/models/not-a-uuid").header(API_KEY, alice)).andExpect(status().isBadRequest());
    }

    @Test
    void deleteRemovesTheModelAndEvictsIt() throws Exception {
        UUID id = registerBlobs("alice");
        assertThat(lookup.find(id, new Caller("alice", false))).isPresent();
        mvc.perform(delete("/api/v1/models/{id}", id).header(API_KEY, alice)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/models/{id}", id).header(API_KEY, alice)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/models/{id}/weights", id).header(API_KEY, alice)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/models/{id}", id).header(API_KEY, alice)).andExpect(status().isNotFound());
        assertThat(lookup.find(id, new Caller("alice", false))).isEmpty();
        long audits = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND resource_id = ?")
                .param(id.toString()).query(Long.class).single();
        assertThat(audits).isEqualTo(1);
    }
}
