package io.widrow.hostile;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.widrow.ApiTestSupport;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.models.ModelFixtures;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Runs every entry of {@link HostileCorpus} against one server. Each must get its precise answer, and afterwards the
 * server must still serve normal requests and another user's dataset and model must be byte-for-byte unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "hostile", true);
        // small enough that the bombs are refused after a few MB, large enough for every honest upload here
        registry.add("widrow.limits.max-decompressed", () -> "16MB");
    }

    @Autowired
    ModelRegistry models;

    private HostileCorpus.Target target;
    private String victimChecksum;

    @BeforeAll
    void storeWhatMustSurvive() throws Exception {
        String victim = createKey("victim", "user");
        String attacker = createKey("attacker", "user");
        String victimDataset = body(mvc.perform(upload(victim, "iris.csv", "sl,sw,species\n5.1,3.5,setosa\n"
                + "7.0,3.2,versicolor\n6.3,3.3,virginica\n4.9,3.0,setosa\n")).andExpect(status().isCreated()).andReturn())
                .get("id").asString();
        TrainingOutcome blobs = ModelFixtures.blobClassifier();
        UUID victimModel = models.register(new NewModel("victim", null, null, blobs.model(), ModelFixtures.metrics(blobs)));
        UUID model = models.register(new NewModel("attacker", null, null, blobs.model(), ModelFixtures.metrics(blobs)));
        String dataset = generated(attacker, "rings");
        String wide = body(mvc.perform(upload(attacker, "wide.csv", Payloads.csv(2, 2000))).andExpect(status().isCreated())
                .andReturn()).get("id").asString();
        target = new HostileCorpus.Target(attacker, ADMIN_KEY, dataset, wide, model.toString(), victimDataset,
                victimModel.toString());
        victimChecksum = victimChecksum();
    }

    private String generated(String key, String kind) throws Exception {
        return body(mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"" + kind + "\",\"samples\":200,\"noise\":0.1}")).andExpect(status().isCreated())
                .andReturn()).get("id").asString();
    }

    static List<HostileCorpus.Case> corpus() {
        return HostileCorpus.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isAnsweredPreciselyAndChangesNothingElse(HostileCorpus.Case c) throws Exception {
        MockHttpServletResponse r = mvc.perform(c.request().build(target)).andReturn().getResponse();
        String body = r.getContentAsString();
        assertThat(r.getStatus()).as("status of %s: %s", c.name(), body).isEqualTo(c.status());
        if (c.problemJson()) {
            assertThat(r.getContentType()).as("content type of %s", c.name()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String detail = json.readTree(body).path("detail").asString();
            for (String part : c.detail()) {
                assertThat(detail).as("detail of %s", c.name()).contains(part);
            }
            assertThat(body).doesNotContain("Exception").doesNotContain("at io.widrow").doesNotContainIgnoringCase("select ");
        }
        if (c.check() != null) {
            c.check().accept(json.readTree(body));
        }

        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/models/" + target.model() + "/predict").header(API_KEY, target.key())
                .contentType(MediaType.APPLICATION_JSON).content("{\"inputs\":[[-2,1],[2,5]]}")).andExpect(status().isOk());
        assertThat(victimChecksum()).as("the victim's data after %s", c.name()).isEqualTo(victimChecksum);
    }

    /** Everything the victim can read about its dataset and model, hashed. */
    private String victimChecksum() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String path : new String[] {"/api/v1/datasets?size=100", "/api/v1/datasets/" + target.victimDataset() + "?preview=100",
                "/api/v1/models?size=100", "/api/v1/models/" + target.victimModel(),
                "/api/v1/models/" + target.victimModel() + "/weights", "/api/v1/jobs?size=100"}) {
            MockHttpServletResponse r = mvc.perform(get(path).header(API_KEY, victimKey())).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(200);
            sha.update(r.getContentAsByteArray());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private String victimKey;

    private String victimKey() throws Exception {
        if (victimKey == null) {
            victimKey = createKey("victim", "user");
        }
        return victimKey;
    }
}
