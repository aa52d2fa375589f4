package io.widrow.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Per-owner isolation, endpoint by endpoint: for every /api route the application maps, another user must not see,
 * change or use the owner's object (404 where an id is named, absent from lists, 403 for admin-only routes), while the
 * owner and an admin can. A route added without a row here fails {@link #everyApiRouteIsCovered}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "isolation", true);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String alice;
    private String bob;
    private String dataset;
    private String job;
    private String model;

    /** Route → what a stranger (bob) gets when aiming at alice's objects. */
    private final Map<String, Check> routes = new LinkedHashMap<>();

    private interface Check {
        void run() throws Exception;
    }

    @BeforeAll
    void aliceOwnsOneOfEach() throws Exception {
        alice = createKey("alice", "user");
        bob = createKey("bob", "user");
        dataset = body(mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, alice)
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"and\",\"samples\":8,\"noise\":0}")).andReturn())
                .get("id").asString();
        job = body(mvc.perform(post("/api/v1/jobs").header(API_KEY, alice).contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\":\"" + dataset + "\",\"model\":{\"type\":\"perceptron\"},\"training\":{\"epochs\":3}}"))
                .andReturn()).get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode j;
        do {
            Thread.sleep(20);
            j = body(mvc.perform(get("/api/v1/jobs/" + job).header(API_KEY, alice)).andReturn());
        } while (!j.get("status").asString().equals("SUCCEEDED") && System.nanoTime() < deadline);
        model = j.get("modelId").asString();
        assertThat(model).isNotBlank();

        String ds = "/api/v1/datasets/" + dataset;
        String jb = "/api/v1/jobs/" + job;
        String md = "/api/v1/models/" + model;
        routes.put("POST /api/v1/datasets", () -> creates(post("/api/v1/datasets/generate")));
        routes.put("POST /api/v1/datasets/generate", () -> creates(post("/api/v1/datasets/generate")));
        routes.put("GET /api/v1/datasets", () -> listed("/api/v1/datasets", dataset));
        routes.put("GET /api/v1/datasets/{id}", () -> hidden(get(ds), get(ds)));
        routes.put("GET /api/v1/datasets/{id}/sample", () -> hidden(get(ds + "/sample"), get(ds + "/sample")));
        routes.put("DELETE /api/v1/datasets/{id}", () -> hidden(delete(ds), get(ds)));
        routes.put("POST /api/v1/jobs", () -> expect(post("/api/v1/jobs").header(API_KEY, bob).contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\":\"" + dataset + "\"}"), 400, "not found"));
        routes.put("GET /api/v1/jobs", () -> listed("/api/v1/jobs", job));
        routes.put("GET /api/v1/jobs/{id}", () -> hidden(get(jb), get(jb)));
        routes.put("GET /api/v1/jobs/{id}/metrics", () -> hidden(get(jb + "/metrics"), get(jb + "/metrics")));
        routes.put("GET /api/v1/jobs/{id}/boundary", () -> hidden(get(jb + "/boundary"), get(jb + "/boundary")));
        routes.put("GET /api/v1/jobs/{id}/confusion", () -> hidden(get(jb + "/confusion"), get(jb + "/confusion")));
        routes.put("GET /api/v1/jobs/{id}/events", () -> expect(get(jb + "/events").header(API_KEY, bob), 404, job));
        routes.put("POST /api/v1/jobs/{id}/cancel", () -> expect(post(jb + "/cancel").header(API_KEY, bob), 404, job));
        routes.put("GET /api/v1/models", () -> listed("/api/v1/models", model));
        routes.put("GET /api/v1/models/{id}", () -> hidden(get(md), get(md)));
        routes.put("GET /api/v1/models/{id}/boundary", () -> hidden(get(md + "/boundary"), get(md + "/boundary")));
        routes.put("GET /api/v1/models/{id}/weights", () -> hidden(get(md + "/weights"), get(md + "/weights")));
        routes.put("DELETE /api/v1/models/{id}", () -> hidden(delete(md), get(md)));
        routes.put("POST /api/v1/models/{id}/predict", () -> hidden(post(md + "/predict").contentType(MediaType.APPLICATION_JSON)
                .content("{\"inputs\":[[1,1]]}"), get(md)));
        routes.put("GET /api/v1/keys", () -> adminOnly(get("/api/v1/keys")));
        routes.put("POST /api/v1/keys", () -> adminOnly(post("/api/v1/keys").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"mallory\",\"role\":\"admin\"}")));
        routes.put("DELETE /api/v1/keys/{id}", () -> adminOnly(delete("/api/v1/keys/00000000-0000-0000-0000-000000000000")));
        routes.put("GET /api/v1/audit", () -> adminOnly(get("/api/v1/audit")));
    }

    @Test
    void everyApiRouteIsCovered() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (pattern.startsWith("/api/")) {
                info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
            }
        }));
        assertThat(mapped).as("routes without an isolation check").isSubsetOf(routes.keySet());
    }

    @Test
    void strangersGetNothingOwnersAndAdminsGetEverything() throws Exception {
        for (Map.Entry<String, Check> e : routes.entrySet()) {
            try {
                e.getValue().run();
            } catch (AssertionError failure) {
                fail(e.getKey() + ": " + failure.getMessage(), failure);
            }
        }
    }

    /** bob gets 404 naming nothing but the id; afterwards alice and the admin still read it. */
    private void hidden(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder attempt,
                        org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder read) throws Exception {
        expect(attempt.header(API_KEY, bob), 404, "Not Found");
        expect(read.header(API_KEY, alice), 200, "");
        expect(read.header(API_KEY, ADMIN_KEY), 200, "");
    }

    private void listed(String path, String id) throws Exception {
        assertThat(mvc.perform(get(path).param("size", "100").header(API_KEY, bob)).andReturn().getResponse()
                .getContentAsString()).doesNotContain(id);
        assertThat(mvc.perform(get(path).param("size", "100").header(API_KEY, alice)).andReturn().getResponse()
                .getContentAsString()).contains(id);
        assertThat(mvc.perform(get(path).param("size", "100").header(API_KEY, ADMIN_KEY)).andReturn().getResponse()
                .getContentAsString()).contains(id);
    }

    /** Creating is always in the caller's own name: bob's new dataset is bob's, alice does not see it. */
    private void creates(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        String id = body(mvc.perform(request.header(API_KEY, bob).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"or\",\"samples\":8,\"noise\":0}")).andReturn()).get("id").asString();
        expect(get("/api/v1/datasets/" + id).header(API_KEY, alice), 404, "Not Found");
        expect(get("/api/v1/datasets/" + id).header(API_KEY, bob), 200, "");
    }

    private void adminOnly(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        expect(request.header(API_KEY, bob), 403, "not allowed");
    }

    private void expect(RequestBuilder request, int status, String detailPart) throws Exception {
        var r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        if (status >= 400) {
            // a refusal names the id at most, never whose it is
            assertThat(r.getContentAsString()).contains(detailPart).doesNotContain("alice");
        }
    }
}
