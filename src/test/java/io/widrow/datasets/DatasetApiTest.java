package io.widrow.datasets;

import java.nio.charset.StandardCharsets;

import io.widrow.ApiTestSupport;
import io.widrow.engine.data.Dataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DatasetApiTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "datasets", true);
    }

    @Autowired
    DatasetCatalog catalog;

    private static String alice;
    private static String bob;

    @BeforeEach
    void keys() throws Exception {
        if (alice == null) {
            alice = createKey("alice", "user");
            bob = createKey("bob", "user");
        }
    }

    private static final String IRIS_LIKE = """
            sepal,petal,species
            5.1,1.4,setosa
            7.0,4.7,versicolor
            6.3,6.0,virginica
            4.9,1.4,setosa
            """;

    @Test
    void csvUploadWithStringLabels() throws Exception {
        mvc.perform(upload(alice, "iris.csv", IRIS_LIKE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/datasets/")))
                .andExpect(jsonPath("$.id").exists())
                .andExpect(jsonPath("$.name").value("iris"))
                .andExpect(jsonPath("$.format").value("csv"))
                .andExpect(jsonPath("$.task").value("classification"))
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.features").value(2))
                .andExpect(jsonPath("$.featureNames[0]").value("sepal"))
                .andExpect(jsonPath("$.featureNames[1]").value("petal"))
                .andExpect(jsonPath("$.labelColumn").value("species"))
                .andExpect(jsonPath("$.classes[0]").value("setosa"))
                .andExpect(jsonPath("$.classes[2]").value("virginica"))
                .andExpect(jsonPath("$.classCounts.setosa").value(2))
                .andExpect(jsonPath("$.createdAt").exists());
    }

    @Test
    void storedDatasetRoundTripsThroughTheCatalog() throws Exception {
        JsonNode created = body(mvc.perform(upload(alice, "iris.csv", IRIS_LIKE).param("name", "flowers"))
                .andExpect(status().isCreated()).andReturn());
        java.util.UUID id = java.util.UUID.fromString(created.get("id").asString());
        Dataset d = catalog.load(id);
        assertThat(d.rows()).isEqualTo(4);
        assertThat(d.features()).isEqualTo(2);
        assertThat(d.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(d.labels()).containsExactly(0, 1, 2, 0);
        assertThat(d.feature(1, 1)).isEqualTo(4.7f);
        assertThat(catalog.find(id, new io.widrow.security.Caller("alice", false))).isPresent()
                .get().satisfies(info -> {
                    assertThat(info.name()).isEqualTo("flowers");
                    assertThat(info.featureNames()).containsExactly("sepal", "petal");
                });
        assertThat(catalog.find(id, new io.widrow.security.Caller("bob", false))).isEmpty();
        assertThat(catalog.find(id, new io.widrow.security.Caller("root", true))).isPresent();
    }

    @Test
    void numericClassesSortNumerically() throws Exception {
        mvc.perform(upload(alice, "n.csv", "1,10\n2,9\n3,2\n4,10\n"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.classes[0]").value("2"))
                .andExpect(jsonPath("$.classes[1]").value("9"))
                .andExpect(jsonPath("$.classes[2]").value("10"));
    }

    @Test
    void headerIsDetected() throws Exception {
        mvc.perform(upload(alice, "h.csv", "0.5,1.5,0\n1.5,0.5,1\n"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.featureNames[0]").value("x1"));
        mvc.perform(upload(alice, "h.csv", "a,b,y\n0.5,1.5,0\n1.5,0.5,1\n"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.featureNames[0]").value("a"));
        mvc.perform(upload(alice, "h.csv", "0.5,1.5,0\n1.5,0.5,1\n").param("hasHeader", "true"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(1))
                .andExpect(jsonPath("$.featureNames[0]").value("0.5"));
    }

    @Test
    void bomIsStripped() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = "a,b,y\n1,2,p\n3,4,q\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(csv, 0, all, 3, csv.length);
        mvc.perform(upload(alice, "bom.csv", all))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.featureNames[0]").value("a"));
    }

    @Test
    void quotedCommasWork() throws Exception {
        mvc.perform(upload(alice, "q.csv", "\"a,1\",b,\"kind, of\"\n1,2,\"x, y\"\n3,4,z\n"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.featureNames[0]").value("a,1"))
                .andExpect(jsonPath("$.labelColumn").value("kind, of"))
                .andExpect(jsonPath("$.classes[0]").value("x, y"));
    }

    @Test
    void labelColumnByNameOrIndex() throws Exception {
        mvc.perform(upload(alice, "l.csv", "y,a,b\np,1,2\nq,3,4\n").param("labelColumn", "y"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.featureNames[0]").value("a"));
        mvc.perform(upload(alice, "l.csv", "y,a,b\np,1,2\nq,3,4\n").param("labelColumn", "0"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.labelColumn").value("y"));
    }

    @Test
    void raggedRowNamesTheLineAndCounts() throws Exception {
        mvc.perform(upload(alice, "r.csv", "a,b,y\n1,2,p\n3,q\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("line 3"), containsString("2 cells"),
                        containsString("expected 3"))));
    }

    @Test
    void nonNumericCellNamesRowAndColumn() throws Exception {
        mvc.perform(upload(alice, "n.csv", "a,b,y\n1,2,p\n3,abc,q\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("line 3"), containsString("\"b\""),
                        containsString("abc"))));
    }

    @Test
    void nanIsAnErrorUnlessMissingDrop() throws Exception {
        String csv = "a,b,y\n1,2,p\nNaN,4,q\n5,,p\n7,8,q\n";
        mvc.perform(upload(alice, "nan.csv", csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("line 3"), containsString("\"a\""))));
        mvc.perform(upload(alice, "nan.csv", csv).param("missing", "drop"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(2));
    }

    @Test
    void unknownLabelColumnListsTheColumns() throws Exception {
        mvc.perform(upload(alice, "u.csv", IRIS_LIKE).param("labelColumn", "colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("colour"), containsString("sepal, petal, species"))));
    }

    @Test
    void binaryGarbageIsRejected() throws Exception {
        byte[] junk = new byte[2048];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 0x7f;
        junk[10] = 0;
        mvc.perform(upload(alice, "junk.csv", junk))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("binary")));
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRejected() throws Exception {
        mvc.perform(upload(alice, "e.csv", "")).andExpect(status().isBadRequest());
        mvc.perform(upload(alice, "h.csv", "a,b,y\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("no data rows")));
    }

    @Test
    void gzippedCsvIsAccepted() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(IRIS_LIKE.getBytes(StandardCharsets.UTF_8));
        }
        mvc.perform(upload(alice, "iris.csv.gz", bytes.toByteArray()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(4));
    }

    @Test
    void jsonArrayOfObjects() throws Exception {
        mvc.perform(upload(alice, "d.json", "[{\"x1\":1,\"x2\":0,\"label\":\"a\"},{\"x1\":0,\"x2\":1,\"label\":\"b\"}]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("json"))
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.featureNames", hasSize(2)))
                .andExpect(jsonPath("$.classes[1]").value("b"));
    }

    @Test
    void jsonColumnsAndRows() throws Exception {
        mvc.perform(upload(alice, "upload.bin", "{\"columns\":[\"x\",\"y\",\"t\"],\"rows\":[[1,2,0.5],[3,4,1.5],[5,6,2.5]]}")
                        .param("task", "regression"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("json"))
                .andExpect(jsonPath("$.task").value("regression"))
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.classes", hasSize(0)));
    }

    @Test
    void jsonRowErrorsNameTheRow() throws Exception {
        mvc.perform(upload(alice, "d.json", "[{\"x1\":1,\"label\":\"a\"},{\"x1\":\"oops\",\"label\":\"b\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("Row 2"), containsString("x1"))));
        mvc.perform(upload(alice, "d.json", "[{\"x1\":1,\"label\":\"a\"},{\"label\":\"b\"}]"))
                .andExpect(status().isBadRequest());
        mvc.perform(upload(alice, "d.json", "[{\"x1\":1,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
    }

    @Test
    void regressionNeedsNumericTargets() throws Exception {
        mvc.perform(upload(alice, "r.csv", "a,t\n1,0.5\n2,1.5\n").param("task", "regression"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.task").value("regression"));
        mvc.perform(upload(alice, "r.csv", "a,t\n1,0.5\n2,big\n").param("task", "regression"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("line 3"), containsString("\"t\""))));
    }

    @Test
    void invalidUploadParametersAreListedTogether() throws Exception {
        mvc.perform(upload(alice, "x.csv", IRIS_LIKE).param("task", "clustering").param("missing", "ignore"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)));
    }

    @Test
    void listIsPagedNewestFirst() throws Exception {
        String carol = createKey("carol", "user");
        for (int i = 0; i < 3; i++) {
            mvc.perform(upload(carol, "p.csv", IRIS_LIKE).param("name", "set" + i)).andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/datasets").param("page", "0").param("size", "2").header(API_KEY, carol))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].name").value("set2"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/v1/datasets").param("page", "1").param("size", "2").header(API_KEY, carol))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].name").value("set0"));
    }

    @Test
    void getWithStatsAndPreview() throws Exception {
        JsonNode created = body(mvc.perform(upload(alice, "iris.csv", IRIS_LIKE)).andReturn());
        String id = created.get("id").asString();
        mvc.perform(get("/api/v1/datasets/" + id).param("preview", "2").header(API_KEY, alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stats", hasSize(2)))
                .andExpect(jsonPath("$.stats[0].name").value("sepal"))
                .andExpect(jsonPath("$.stats[0].min").value(4.9))
                .andExpect(jsonPath("$.stats[0].max").value(7.0))
                .andExpect(jsonPath("$.stats[1].mean").value(3.375))
                .andExpect(jsonPath("$.stats[0].std").exists())
                .andExpect(jsonPath("$.preview", hasSize(2)))
                .andExpect(jsonPath("$.preview[1].features[1]").value(4.7))
                .andExpect(jsonPath("$.preview[1].label").value("versicolor"));
        mvc.perform(get("/api/v1/datasets/" + id).header(API_KEY, alice))
                .andExpect(jsonPath("$.preview").doesNotExist());
        mvc.perform(get("/api/v1/datasets/" + id).param("preview", "101").header(API_KEY, alice))
                .andExpect(status().isBadRequest());
    }

    @Test
    void deleteRemovesTheDataset() throws Exception {
        String id = body(mvc.perform(upload(alice, "iris.csv", IRIS_LIKE)).andReturn()).get("id").asString();
        mvc.perform(delete("/api/v1/datasets/" + id).header(API_KEY, alice)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/datasets/" + id).header(API_KEY, alice)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/datasets/" + id).header(API_KEY, alice)).andExpect(status().isNotFound());
    }

    @Test
    void othersGet404AdminsSeeEverything() throws Exception {
        String id = body(mvc.perform(upload(alice, "iris.csv", IRIS_LIKE)).andReturn()).get("id").asString();
        mvc.perform(get("/api/v1/datasets/" + id).header(API_KEY, bob)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/datasets/" + id).header(API_KEY, bob)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/datasets/" + id).header(API_KEY, ADMIN_KEY)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/datasets").param("size", "100").header(API_KEY, bob))
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty());
    }
}
