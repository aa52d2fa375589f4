package io.widrow.security;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiKeyApiTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "keys", true);
    }

    @Test
    void createListAndRevoke() throws Exception {
        JsonNode created = body(mvc.perform(post("/api/v1/keys").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"carol\",\"role\":\"user\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/keys/")))
                .andExpect(jsonPath("$.key").value(startsWith("wdr_")))
                .andExpect(jsonPath("$.role").value("user"))
                .andReturn());
        String secret = created.get("key").asString();
        String id = created.get("id").asString();
        assertThat(secret).hasSize(4 + 43);
        assertThat(created.get("prefix").asString()).isEqualTo(secret.substring(0, 8));

        mvc.perform(get("/api/v1/datasets").header(API_KEY, secret)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/keys").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)))
                .andExpect(jsonPath("$[*].key").doesNotExist())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))));

        mvc.perform(delete("/api/v1/keys/" + id).header(API_KEY, ADMIN_KEY)).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/datasets").header(API_KEY, secret))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unknown or revoked")));
    }

    @Test
    void missingKeyIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/datasets"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void invalidKeyIs401() throws Exception {
        mvc.perform(get("/api/v1/datasets").header(API_KEY, "wdr_nope")).andExpect(status().isUnauthorized());
    }

    @Test
    void nonAdminCannotManageKeys() throws Exception {
        String user = createKey("dave", "user");
        mvc.perform(post("/api/v1/keys").header(API_KEY, user)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"eve\",\"role\":\"admin\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/v1/keys").header(API_KEY, user)).andExpect(status().isForbidden());
    }

    @Test
    void createValidatesAllFields() throws Exception {
        mvc.perform(post("/api/v1/keys").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"role\":\"root\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("role")));
    }

    @Test
    void lastAdminKeyCannotBeRevoked() throws Exception {
        JsonNode keys = body(mvc.perform(get("/api/v1/keys").header(API_KEY, ADMIN_KEY)).andReturn());
        for (JsonNode k : keys) {
            if (k.get("role").asString().equals("admin") && k.get("revokedAt").isNull()) {
                mvc.perform(delete("/api/v1/keys/" + k.get("id").asString()).header(API_KEY, ADMIN_KEY))
                        .andExpect(status().isConflict());
            }
        }
    }

    @Test
    void unknownKeyIdIs404() throws Exception {
        mvc.perform(delete("/api/v1/keys/00000000-0000-0000-0000-000000000000").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void actuatorExposure() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        // admins pass the security chain; env is simply not exposed
        mvc.perform(get("/actuator/env").header(API_KEY, ADMIN_KEY)).andExpect(status().isNotFound());
    }

    @Test
    void securityHeadersAreOn() throws Exception {
        mvc.perform(get("/api/v1/datasets").header(API_KEY, ADMIN_KEY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}
