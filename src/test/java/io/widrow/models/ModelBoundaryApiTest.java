package io.widrow.models;

import java.util.List;
import java.util.UUID;

import io.widrow.ApiTestSupport;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.TrainedModel;
import io.widrow.engine.model.Training;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.engine.optim.OptimizerSpec;
import io.widrow.engine.schedule.ScheduleSpec;
import io.widrow.engine.train.Specs;
import io.widrow.engine.train.TrainingListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /models/{id}/boundary: the model page's decision boundary and hidden-unit pictures. */
class ModelBoundaryApiTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "model-boundary", true);
    }

    @Autowired
    ModelRegistry registry;

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

    private UUID register(String owner, TrainingOutcome out) {
        return registry.register(new NewModel(owner, UUID.randomUUID(), UUID.randomUUID(), out.model(),
                ModelFixtures.metrics(out)));
    }

    @Test
    void boundaryMatchesPredictionsAndDefaultsToTheDataSpread() throws Exception {
        UUID id = register("alice", blobs);
        JsonNode b = body(mvc.perform(get("/api/v1/models/{id}/boundary", id).header(API_KEY, alice)
                        .param("resolution", "10"))
                .andExpect(status().isOk()).andReturn());
        assertThat(b.get("classes")).hasSize(2);
        assertThat(b.get("featureNames").get(0).asString()).isEqualTo("height");
        assertThat(b.get("outputs")).hasSize(10 * 10 * 2);
        // The fixture network has one hidden layer of 8 units; the default picture grid is 24 × 24.
        assertThat(b.get("neurons")).hasSize(8);
        assertThat(b.get("neurons").get(0).get("values")).hasSize(24 * 24);
        double xMin = b.get("xMin").asDouble();
        double xMax = b.get("xMax").asDouble();
        double[] mean = blobs.model().standardizer().means();
        assertThat((xMin + xMax) / 2).isCloseTo(mean[0], org.assertj.core.data.Offset.offset(1e-6));
        // The top-left cell is what predict says about its centre.
        double x = xMin + (xMax - xMin) / 20;
        double y = b.get("yMax").asDouble() - (b.get("yMax").asDouble() - b.get("yMin").asDouble()) / 20;
        float p = blobs.model().predict(new float[] {(float) x, (float) y}, 1).output(0, 0);
        assertThat(b.get("outputs").get(0).asDouble()).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void linearAndRegressionModelsHaveNoHiddenUnits() throws Exception {
        UUID and = register("alice", ModelFixtures.perceptronAnd());
        mvc.perform(get("/api/v1/models/{id}/boundary", and).header(API_KEY, alice).param("resolution", "2")
                        .param("xMin", "-0.5").param("xMax", "1.5").param("yMin", "-0.5").param("yMax", "1.5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predicted[0]").value(0))
                .andExpect(jsonPath("$.predicted[1]").value(1))
                .andExpect(jsonPath("$.neurons.length()").value(0));
        UUID line = register("alice", ModelFixtures.lineRegressor());
        mvc.perform(get("/api/v1/models/{id}/boundary", line).header(API_KEY, alice).param("resolution", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.task").value("regression"))
                .andExpect(jsonPath("$.outputs.length()").value(9));
    }

    @Test
    void modelsWithoutTwoInputsAndBadParametersAreProblems() throws Exception {
        Dataset three = Dataset.classification(new float[] {0, 0, 0, 1, 1, 1}, 2, 3, Dataset.defaultFeatureNames(3),
                new int[] {0, 1}, new String[] {"a", "b"});
        TrainedModel m = Training.run(Specs.reluMlp(false, 2), Specs.training(1, 2, OptimizerSpec.of("sgd", 0.1),
                ScheduleSpec.constant(), 1), three, null, TrainingListener.NONE, () -> false).model();
        UUID id = registry.register(new NewModel("alice", UUID.randomUUID(), UUID.randomUUID(), m, java.util.Map.of()));
        mvc.perform(get("/api/v1/models/{id}/boundary", id).header(API_KEY, alice))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("this one has 3")));
        UUID ok = register("alice", blobs);
        for (List<String> bad : List.of(List.of("resolution", "257"), List.of("neuronResolution", "-1"),
                List.of("resolution", "x"))) {
            mvc.perform(get("/api/v1/models/{id}/boundary", ok).header(API_KEY, alice).param(bad.get(0), bad.get(1)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(containsString(bad.get(0))));
        }
    }

    @Test
    void anotherOwnersModelIsNotFound() throws Exception {
        UUID id = register("alice", blobs);
        mvc.perform(get("/api/v1/models/{id}/boundary", id).header(API_KEY, bob))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/models/{id}/boundary", UUID.randomUUID()).header(API_KEY, alice))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/models/{id}/boundary", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/models/{id}/boundary", id).header(API_KEY, ADMIN_KEY)).andExpect(status().isOk());
    }
}
