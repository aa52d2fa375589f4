package io.widrow.predictions;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.widrow.ApiTestSupport;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.Prediction;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.models.ModelFixtures;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PredictionApiTest extends ApiTestSupport {
    private static final int MAX_ROWS = 500;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "predictions", true);
        registry.add("widrow.predictions.max-rows", () -> MAX_ROWS);
    }

    @Autowired
    ModelRegistry registry;

    @Autowired
    MeterRegistry meters;

    private static String alice;
    private static String bob;
    private static TrainingOutcome blobs;
    private static UUID blobModel;

    @BeforeEach
    void setUp() throws Exception {
        if (alice == null) {
            alice = createKey("alice", "user");
            bob = createKey("bob", "user");
            blobs = ModelFixtures.blobClassifier();
            blobModel = register("alice", blobs);
        }
    }

    private UUID register(String owner, TrainingOutcome out) {
        return registry.register(new NewModel(owner, UUID.randomUUID(), UUID.randomUUID(), out.model(),
                ModelFixtures.metrics(out)));
    }

    private ResultActions predict(UUID id, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/models/{id}/predict", id).header(API_KEY, key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String inputs(Dataset d) {
        StringBuilder sb = new StringBuilder("{\"inputs\":[");
        for (int i = 0; i < d.rows(); i++) {
            sb.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < d.features(); j++) {
                sb.append(j == 0 ? "" : ",").append(d.feature(i, j));
            }
            sb.append(']');
        }
        return sb.append("]}").toString();
    }

    /** Keys in reverse column order, to show rows are matched by name, not position. */
    private static String rows(Dataset d) {
        StringBuilder sb = new StringBuilder("{\"rows\":[");
        String[] names = d.featureNames();
        for (int i = 0; i < d.rows(); i++) {
            sb.append(i == 0 ? "{" : ",{");
            for (int j = d.features() - 1; j >= 0; j--) {
                sb.append('"').append(names[j]).append("\":").append(d.feature(i, j)).append(j == 0 ? "" : ",");
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    @Test
    void classifiesHeldOutRowsViaInputsAndViaRows() throws Exception {
        Dataset held = ModelFixtures.blobs(100, 3);
        JsonNode byInputs = body(predict(blobModel, alice, inputs(held))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()).get("predictions");
        JsonNode byRows = body(predict(blobModel, alice, rows(held)).andExpect(status().isOk()).andReturn())
                .get("predictions");
        Prediction engine = blobs.model().predict(held.x(), held.rows());
        assertThat(byInputs.size()).isEqualTo(100);
        int hits = 0;
        for (int i = 0; i < held.rows(); i++) {
            JsonNode p = byInputs.get(i);
            String label = p.get("label").asString();
            assertThat(label).isEqualTo(ModelFixtures.BLOB_CLASSES[engine.labels()[i]]);
            if (label.equals(ModelFixtures.BLOB_CLASSES[held.labels()[i]])) {
                hits++;
            }
            double cat = p.get("probabilities").get("cat").asDouble();
            double dog = p.get("probabilities").get("dog").asDouble();
            assertThat(cat + dog).isCloseTo(1.0, within(1e-5));
            assertThat((float) cat).isEqualTo(engine.output(i, 0));
            assertThat(p.get("probabilities").size()).isEqualTo(2);
            assertThat(byRows.get(i)).isEqualTo(p);
        }
        assertThat(hits).isGreaterThanOrEqualTo(90);
    }

    private ResultActions predictBinary(UUID id, String key, byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/models/{id}/predict", id).header(API_KEY, key)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).content(body));
    }

    private static byte[] float32(float... values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * values.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    @Test
    void rawFloat32RowsGiveTheSameAnswerAsJson() throws Exception {
        Dataset held = ModelFixtures.blobs(300, 4);
        float[] x = java.util.Arrays.copyOf(held.x(), held.rows() * held.features());
        JsonNode viaJson = body(predict(blobModel, alice, inputs(held)).andExpect(status().isOk()).andReturn());
        JsonNode viaBinary = body(predictBinary(blobModel, alice, float32(x))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn());
        assertThat(viaBinary.get("predictions").size()).isEqualTo(300);
        assertThat(viaBinary).isEqualTo(viaJson);
        // 300 rows are read in blocks of the model's prediction chunk (128 rows here) and predicted block by
        // block: the answer must still be the whole batch's, bit for bit.
        assertThat(blobs.model().predictChunkRows()).isLessThan(150);
        Prediction engine = blobs.model().predict(x, held.rows());
        for (int i = 0; i < held.rows(); i++) {
            JsonNode probabilities = viaBinary.get("predictions").get(i).get("probabilities");
            assertThat(probabilities.get("cat").floatValue()).as("row %d", i).isEqualTo(engine.output(i, 0));
            assertThat(probabilities.get("dog").floatValue()).as("row %d", i).isEqualTo(engine.output(i, 1));
        }
    }

    @Test
    void rawFloat32BodiesThatAreNotWholeFiniteRowsAreRejected() throws Exception {
        predictBinary(blobModel, alice, new byte[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("empty")));
        predictBinary(blobModel, alice, float32(1, 2, 3)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", allOf(containsString("12 bytes"), containsString("2 float32 values (8 bytes) per row"))));
        predictBinary(blobModel, alice, java.util.Arrays.copyOf(float32(1, 2), 7)).andExpect(status().isBadRequest());
        predictBinary(blobModel, alice, float32(1, 2, 3, Float.NaN)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", allOf(containsString("row 1, column 1"), containsString("NaN"))))
                .andExpect(jsonPath("$.errors[0].field").value("inputs[1][1]"));
        float[] late = new float[2 * 300];
        late[2 * 260 + 1] = Float.POSITIVE_INFINITY;
        predictBinary(blobModel, alice, float32(late)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", allOf(containsString("row 260, column 1"), containsString("infinite"))));
        predictBinary(blobModel, alice, float32(new float[2 * (MAX_ROWS + 1)])).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail", containsString("At most " + MAX_ROWS + " rows")));
        predictBinary(blobModel, bob, float32(1, 2)).andExpect(status().isNotFound());
    }

    @Test
    void regressionReturnsValuesCloseToTheTruth() throws Exception {
        UUID id = register("alice", ModelFixtures.lineRegressor());
        JsonNode out = body(predict(id, alice, "{\"inputs\":[[1,1],[0.5,-1],[-1.5,0.25]]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].label").doesNotExist())
                .andReturn()).get("predictions");
        double[] truth = {1, 2, -3.25};
        for (int i = 0; i < truth.length; i++) {
            assertThat(out.get(i).get("value").size()).isEqualTo(1);
            assertThat(out.get(i).get("value").get(0).asDouble()).isCloseTo(truth[i], within(0.1));
        }
        predict(id, alice, "{\"rows\":[{\"x2\":1,\"x1\":1}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].value[0]").value(org.hamcrest.Matchers.closeTo(1.0, 0.1)));
    }

    @Test
    void perceptronAndAdalineModelsPredictTheirTruthTables() throws Exception {
        UUID and = register("alice", ModelFixtures.perceptronAnd());
        predict(and, alice, "{\"inputs\":[[0,0],[0,1],[1,0],[1,1]]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].label").value("0"))
                .andExpect(jsonPath("$.predictions[1].label").value("0"))
                .andExpect(jsonPath("$.predictions[2].label").value("0"))
                .andExpect(jsonPath("$.predictions[3].label").value("1"))
                .andExpect(jsonPath("$.predictions[3].probabilities['1']").value(1.0));
        UUID xor = register("alice", ModelFixtures.adalineXor());
        predict(xor, alice, "{\"rows\":[{\"x1\":0,\"x2\":0},{\"x1\":0,\"x2\":1},{\"x1\":1,\"x2\":0},{\"x1\":1,\"x2\":1}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].label").value("0"))
                .andExpect(jsonPath("$.predictions[1].label").value("1"))
                .andExpect(jsonPath("$.predictions[2].label").value("1"))
                .andExpect(jsonPath("$.predictions[3].label").value("0"));
    }

    private void badRequest(String body, String... detailParts) throws Exception {
        ResultActions r = predict(blobModel, alice, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (String part : detailParts) {
            r.andExpect(jsonPath("$.detail", containsString(part)));
        }
    }

    @Test
    void badInputsAreRejectedWithAPreciseDetail() throws Exception {
        badRequest("{\"inputs\":[[1,2],[1,2,3]]}", "Row 1", "has 3 values, expected 2", "height, weight");
        badRequest("{\"inputs\":[[1,2],[1]]}", "Row 1", "has 1 values, expected 2");
        badRequest("{\"rows\":[{\"height\":1,\"weight\":2},{\"height\":1}]}", "Row 1", "missing feature 'weight'");
        badRequest("{\"rows\":[{\"height\":1,\"weight\":2,\"age\":3}]}", "Row 0", "unknown feature 'age'");
        badRequest("{\"rows\":[{\"height\":1,\"height\":2}]}", "Row 0", "'height' more than once");
        badRequest("{\"inputs\":[[1,2],[3,\"tall\"]]}", "Row 1, column 1 ('weight') must be a number", "\"tall\"");
        badRequest("{\"rows\":[{\"height\":\"1\",\"weight\":2}]}", "Row 0, column 0 ('height') must be a number");
        badRequest("{\"inputs\":[[1,NaN]]}", "Row 0, column 1 ('weight') is NaN");
        badRequest("{\"inputs\":[[1,\"NaN\"]]}", "Row 0, column 1 ('weight') must be a number");
        badRequest("{\"inputs\":[[null,1]]}", "Row 0, column 0 ('height') must be a number, got null");
        badRequest("{\"inputs\":[[1e39,1]]}", "Row 0, column 0 ('height') is out of the float range");
        badRequest("{\"inputs\":[[[1],1]]}", "Row 0, column 0", "got an array");
        badRequest("{\"inputs\":[]}", "'inputs' is empty");
        badRequest("{\"rows\":[]}", "'rows' is empty");
        badRequest("{\"inputs\":[[1,2]],\"rows\":[{\"height\":1,\"weight\":2}]}", "exactly one of 'inputs'");
        badRequest("{}", "exactly one of 'inputs'");
        badRequest("{\"input\":[[1,2]]}", "Unknown field 'input'");
        badRequest("{\"inputs\":[1,2]}", "Row 0 of inputs must be an array of 2 numbers");
        badRequest("{\"inputs\":{\"a\":1}}", "'inputs' must be an array");
        badRequest("{\"rows\":[[1,2]]}", "Row 0 of rows must be an object");
        badRequest("[[1,2]]", "must be a JSON object");
        badRequest("{\"inputs\":[[1,2]", "not valid JSON");
        badRequest("", "must be a JSON object");
    }

    @Test
    void tooManyRowsNamesTheLimit() throws Exception {
        StringBuilder sb = new StringBuilder("{\"inputs\":[");
        for (int i = 0; i <= MAX_ROWS; i++) {
            sb.append(i == 0 ? "" : ",").append("[1,2]");
        }
        predict(blobModel, alice, sb.append("]}").toString())
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail", containsString("At most " + MAX_ROWS + " rows")));
    }

    @Test
    void isolationAndAuthentication() throws Exception {
        String body = "{\"inputs\":[[1,2]]}";
        predict(blobModel, bob, body).andExpect(status().isNotFound());
        predict(blobModel, ADMIN_KEY, body).andExpect(status().isOk());
        mvc.perform(post("/api/v1/models/{id}/predict", blobModel).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        UUID unknown = UUID.randomUUID();
        predict(unknown, alice, body).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", allOf(containsString(unknown.toString()), containsString("not found"))));
    }

    @Test
    void deletedModelsAreNoLongerServed() throws Exception {
        UUID id = register("alice", blobs);
        predict(id, alice, "{\"inputs\":[[1,2]]}").andExpect(status().isOk());
        mvc.perform(delete("/api/v1/models/{id}", id).header(API_KEY, alice)).andExpect(status().isNoContent());
        predict(id, alice, "{\"inputs\":[[1,2]]}").andExpect(status().isNotFound());
    }

    @Test
    void requestsAndRowsAreMetered() throws Exception {
        Timer timer = meters.get("widrow.predictions").timer();
        Counter rows = meters.get("widrow.predictions.rows").counter();
        long before = timer.count();
        double rowsBefore = rows.count();
        predict(blobModel, alice, "{\"inputs\":[[1,2],[3,4],[5,6]]}").andExpect(status().isOk());
        assertThat(timer.count()).isEqualTo(before + 1);
        assertThat(rows.count()).isEqualTo(rowsBefore + 3);
        assertThat(timer.takeSnapshot().percentileValues()).hasSize(3);
    }

    @Test
    void openApiDocumentsTheModelAndPredictEndpointsWithExamples() throws Exception {
        String predict = "$.paths['/api/v1/models/{id}/predict'].post";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(predict + ".requestBody.content['application/json'].examples.inputs.value").exists())
                .andExpect(jsonPath(predict + ".requestBody.content['application/json'].examples.rows.value").exists())
                .andExpect(jsonPath(predict + ".responses['200'].content['application/json'].examples.classification").exists())
                .andExpect(jsonPath(predict + ".responses['413']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/models'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/models/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/models/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/v1/models/{id}/weights'].get").exists());
    }
}
