package io.widrow.security;

import java.sql.SQLException;
import java.util.UUID;

import io.widrow.ApiTestSupport;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.models.ModelFixtures;
import io.widrow.models.ModelRegistry;
import io.widrow.models.NewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(SecurityHardeningTest.Failures.class)
@ExtendWith(OutputCaptureExtension.class)
class SecurityHardeningTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "hardening", true);
    }

    @Autowired
    ModelRegistry models;

    /** Endpoints that fail the way a bug or a broken database would, to see what a client gets. */
    @TestConfiguration
    static class Failures {
        @Bean
        Boom boom() {
            return new Boom();
        }
    }

    @RestController
    static class Boom {
        @GetMapping("/api/v1/test-failures/sql")
        String sql() throws SQLException {
            throw new BadSqlGrammarException("load", "SELECT key_hash FROM api_keys WHERE name = 'admin'",
                    new SQLException("Table \"API_KEYS\" not found; SQL statement: SELECT key_hash FROM api_keys"));
        }

        @GetMapping("/api/v1/test-failures/constraint")
        String constraint() {
            throw new DataIntegrityViolationException("could not execute statement; SQL [INSERT INTO datasets ...]; "
                    + "constraint [DATASETS_TASK_CHK]");
        }

        @GetMapping("/api/v1/test-failures/bug")
        String bug() {
            throw new IllegalStateException("invariant broken at io.widrow.Secret.method(Secret.java:42)");
        }
    }

    @Test
    void failuresNeverShowStackTracesOrSql() throws Exception {
        for (String kind : new String[] {"sql", "constraint", "bug"}) {
            String body = mvc.perform(get("/api/v1/test-failures/" + kind).header(API_KEY, ADMIN_KEY))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").exists())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(kind).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("insert")
                    .doesNotContainIgnoringCase("api_keys").doesNotContain("Exception").doesNotContain("at io.widrow")
                    .doesNotContain("SQL").doesNotContain("CHK").doesNotContain("Secret");
        }
        mvc.perform(get("/api/v1/test-failures/bug").header(API_KEY, ADMIN_KEY)).andExpect(status().isInternalServerError());
        mvc.perform(get("/api/v1/test-failures/constraint").header(API_KEY, ADMIN_KEY)).andExpect(status().isConflict());
    }

    @Test
    void keysAreNeverLoggedInPlainText(CapturedOutput output) throws Exception {
        String secret = createKey("logged", "user");
        mvc.perform(get("/api/v1/datasets").header(API_KEY, secret)).andExpect(status().isOk());
        String wrong = "wdr_not-a-key-but-looks-like-one-0123456789";
        mvc.perform(get("/api/v1/datasets").header(API_KEY, wrong)).andExpect(status().isUnauthorized());
        JsonNode keys = body(mvc.perform(get("/api/v1/keys").header(API_KEY, ADMIN_KEY)).andReturn());
        for (JsonNode k : keys) {
            if (secret.startsWith(k.get("prefix").asString()) && k.get("name").asString().equals("logged")) {
                mvc.perform(delete("/api/v1/keys/" + k.get("id").asString()).header(API_KEY, ADMIN_KEY))
                        .andExpect(status().isNoContent());
            }
        }
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(wrong).doesNotContain(ADMIN_KEY);
    }

    @Test
    void revocationTakesEffectOnTheVeryNextRequestEverywhere() throws Exception {
        String secret = createKey("leaver", "user");
        String keyId = body(mvc.perform(get("/api/v1/keys").header(API_KEY, ADMIN_KEY)).andReturn()).valueStream()
                .filter(k -> secret.startsWith(k.get("prefix").asString())).findFirst().orElseThrow().get("id").asString();
        TrainingOutcome blobs = ModelFixtures.blobClassifier();
        UUID model = models.register(new NewModel("leaver", null, null, blobs.model(), ModelFixtures.metrics(blobs)));
        String predict = "{\"inputs\":[[1,2]]}";
        mvc.perform(post("/api/v1/models/" + model + "/predict").header(API_KEY, secret)
                .contentType(MediaType.APPLICATION_JSON).content(predict)).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/keys/" + keyId).header(API_KEY, ADMIN_KEY)).andExpect(status().isNoContent());

        mvc.perform(post("/api/v1/models/" + model + "/predict").header(API_KEY, secret)
                .contentType(MediaType.APPLICATION_JSON).content(predict)).andExpect(status().isUnauthorized());
        for (String path : new String[] {"/api/v1/datasets", "/api/v1/jobs", "/api/v1/models", "/api/v1/models/" + model}) {
            mvc.perform(get(path).header(API_KEY, secret)).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value(containsString("unknown or revoked")));
        }
    }

    private static ResultActions hardened(ResultActions r) throws Exception {
        return r.andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", "frame-ancestors 'none'"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void securityHeadersOnSuccessesErrorsAndRejections() throws Exception {
        hardened(mvc.perform(get("/api/v1/datasets").header(API_KEY, ADMIN_KEY))).andExpect(status().isOk());
        hardened(mvc.perform(get("/api/v1/datasets/" + UUID.randomUUID()).header(API_KEY, ADMIN_KEY)))
                .andExpect(status().isNotFound());
        hardened(mvc.perform(get("/api/v1/datasets"))).andExpect(status().isUnauthorized());
        hardened(mvc.perform(get("/swagger-ui/index.html"))).andExpect(status().isOk());
    }

    @Test
    void actuatorOnlyHealthAndPrometheusArePublic() throws Exception {
        String user = createKey("operator", "user");
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info").header(API_KEY, user)).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").header(API_KEY, ADMIN_KEY)).andExpect(status().isOk());
        // not exposed at all: even an admin only learns that
        mvc.perform(get("/actuator/env").header(API_KEY, user)).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/heapdump").header(API_KEY, ADMIN_KEY)).andExpect(status().isNotFound());
    }

    @Test
    void swaggerUiIsOpenAndOffersTheApiKeyScheme() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk())
                .andExpect(jsonPath("$.persistAuthorization").value(true));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-API-Key"))
                .andExpect(jsonPath("$.paths['/api/v1/audit'].get").exists());
    }

    @Test
    void auditLogRecordsWhoDidWhatAndOnlyAdminsReadIt() throws Exception {
        String carol = createKey("carol", "user");
        String dataset = body(mvc.perform(upload(carol, "a.csv", "x,y,label\n1,2,a\n3,4,b\n")).andReturn()).get("id").asString();
        TrainingOutcome blobs = ModelFixtures.blobClassifier();
        UUID model = models.register(new NewModel("carol", null, null, blobs.model(), ModelFixtures.metrics(blobs)));
        mvc.perform(get("/api/v1/models/" + model + "/weights").header(API_KEY, carol)).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/models/" + model).header(API_KEY, carol)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/datasets/" + dataset).header(API_KEY, carol)).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/audit").header(API_KEY, carol)).andExpect(status().isForbidden());
        JsonNode page = body(mvc.perform(get("/api/v1/audit").param("actor", "carol").param("size", "10")
                .header(API_KEY, ADMIN_KEY)).andExpect(status().isOk()).andReturn());
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("items").valueStream().map(e -> e.get("action").asString() + " " + e.get("resourceType").asString()))
                .containsExactly("delete dataset", "delete model", "download model", "create model", "create dataset");
        JsonNode second = body(mvc.perform(get("/api/v1/audit").param("actor", "carol").param("size", "2").param("page", "2")
                .header(API_KEY, ADMIN_KEY)).andReturn());
        assertThat(second.get("items")).hasSize(1);
        JsonNode keyEvents = body(mvc.perform(get("/api/v1/audit").param("resourceType", "api_key")
                .header(API_KEY, ADMIN_KEY)).andReturn());
        assertThat(keyEvents.get("items").valueStream().map(e -> e.get("action").asString())).contains("create");
        mvc.perform(get("/api/v1/audit").param("size", "501").header(API_KEY, ADMIN_KEY)).andExpect(status().isBadRequest());
    }
}
