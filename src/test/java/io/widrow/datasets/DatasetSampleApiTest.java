package io.widrow.datasets;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /datasets/{id}/sample: the rows behind the console's scatter plots and image grids. */
class DatasetSampleApiTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "dataset-sample", true);
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

    private String generate(String key, String kind, int samples) throws Exception {
        return body(mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"" + kind + "\",\"samples\":" + samples + ",\"noise\":0.1,\"seed\":3}"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
    }

    @Test
    void sampleSpreadsOverTheWholeSetWithLabels() throws Exception {
        String id = generate(alice, "rings", 1000);
        JsonNode s = body(mvc.perform(get("/api/v1/datasets/{id}/sample", id).param("size", "100").header(API_KEY, alice))
                .andExpect(status().isOk()).andReturn());
        assertThat(s.get("rows").asInt()).isEqualTo(1000);
        assertThat(s.get("indices")).hasSize(100);
        for (int k = 0; k < 100; k++) {
            assertThat(s.get("indices").get(k).asInt()).isBetween(k * 10, k * 10 + 9);
        }
        // Generated sets alternate their classes; a plain stride of 10 would sample only one of them.
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        s.get("labels").forEach(l -> seen.add(l.asInt()));
        assertThat(seen).containsExactlyInAnyOrder(0, 1);
        assertThat(s.get("x").get(0)).hasSize(2);
        assertThat(s.get("labels")).hasSize(100);
        assertThat(s.get("classes")).hasSize(2);
        // The first sampled row is the first preview row.
        JsonNode preview = body(mvc.perform(get("/api/v1/datasets/{id}", id).param("preview", "1").header(API_KEY, alice))
                .andExpect(status().isOk()).andReturn()).get("preview").get(0);
        assertThat(s.get("x").get(0).get(0).asDouble()).isEqualTo(preview.get("features").get(0).asDouble());
        assertThat(s.get("classes").get(s.get("labels").get(0).asInt()).asString())
                .isEqualTo(preview.get("label").asString());
    }

    @Test
    void rowsAcrossChunkBoundariesAreReadExactly() throws Exception {
        // 300 features × 4000 rows of float32 is 4.8 MB: the feature block spans two 4 MiB chunks.
        int features = 300;
        int rows = 4000;
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < features; c++) {
            csv.append('f').append(c).append(',');
        }
        csv.append("y\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < features; c++) {
                csv.append(r * 1000 + c).append(',');
            }
            csv.append(r % 3).append('\n');
        }
        String id = body(mvc.perform(upload(alice, "wide.csv", csv.toString())).andExpect(status().isCreated())
                .andReturn()).get("id").asString();
        JsonNode s = body(mvc.perform(get("/api/v1/datasets/{id}/sample", id).param("size", "7").header(API_KEY, alice))
                .andExpect(status().isOk()).andReturn());
        for (int k = 0; k < 7; k++) {
            int r = s.get("indices").get(k).asInt();
            assertThat(r).isBetween(k * rows / 7, (k + 1) * rows / 7 - 1);
            assertThat(s.get("x").get(k).get(0).asInt()).isEqualTo(r * 1000);
            assertThat(s.get("x").get(k).get(features - 1).asInt()).isEqualTo(r * 1000 + features - 1);
            assertThat(s.get("classes").get(s.get("labels").get(k).asInt()).asString()).isEqualTo(Integer.toString(r % 3));
        }
        // 300 features allow at most 3333 rows per sample.
        mvc.perform(get("/api/v1/datasets/{id}/sample", id).param("size", "5000").header(API_KEY, alice))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.detail", containsString("at most 3333 rows")));
    }

    @Test
    void regressionSamplesCarryTargets() throws Exception {
        String reg = body(mvc.perform(upload(alice, "line.csv", "x1,x2,y\n1,2,3.5\n2,3,5.5\n3,4,7.5\n").param("task", "regression"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        mvc.perform(get("/api/v1/datasets/{id}/sample", reg).header(API_KEY, alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets[2]").value(7.5))
                .andExpect(jsonPath("$.labels").doesNotExist());
    }

    @Test
    void badSizesAreProblemsAndOtherOwnersSeeNothing() throws Exception {
        String id = generate(alice, "xor", 40);
        mvc.perform(get("/api/v1/datasets/{id}/sample", id).param("size", "0").header(API_KEY, alice))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/datasets/{id}/sample", id).param("size", "many").header(API_KEY, alice))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/datasets/{id}/sample", id).header(API_KEY, bob))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/datasets/{id}/sample", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/datasets/{id}/sample", id).header(API_KEY, ADMIN_KEY)).andExpect(status().isOk());
    }
}
