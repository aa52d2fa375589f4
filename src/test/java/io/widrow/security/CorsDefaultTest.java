package io.widrow.security;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without widrow.security.cors-allowed-origins no browser page on another origin may call the API. */
class CorsDefaultTest extends ApiTestSupport {
    static final String ORIGIN = "https://console.example.com";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "cors-default", true);
    }

    @Test
    void preflightsAreNotAnsweredWithPermission() throws Exception {
        mvc.perform(options("/api/v1/datasets").header("Origin", ORIGIN)
                        .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "X-API-Key"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void crossOriginResponsesCarryNoAllowOrigin() throws Exception {
        mvc.perform(get("/api/v1/datasets").header("Origin", ORIGIN).header(API_KEY, ADMIN_KEY))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
