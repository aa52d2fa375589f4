package io.widrow.system;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpenApiTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "openapi", true);
    }

    @Test
    void apiDocsListDatasetEndpointsAndTheApiKeyScheme() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Widrow API"))
                .andExpect(jsonPath("$.paths['/api/v1/datasets'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/datasets'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/datasets/generate'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/datasets/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/datasets/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/v1/keys'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.type").value("apiKey"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.in").value("header"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-API-Key"))
                .andExpect(jsonPath("$.security[0].apiKey").exists());
    }

    @Test
    void swaggerUiIsOpen() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }
}
