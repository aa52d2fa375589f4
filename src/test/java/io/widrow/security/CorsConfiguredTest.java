package io.widrow.security;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.widrow.security.CorsDefaultTest.ORIGIN;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With listed origins, exactly those may call the API from a browser, sending the key header themselves. */
class CorsConfiguredTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "cors-configured", true);
        registry.add("widrow.security.cors-allowed-origins", () -> ORIGIN + ", https://other.example.org");
    }

    @Test
    void anAllowedOriginGetsItsPreflightWithoutAKey() throws Exception {
        mvc.perform(options("/api/v1/datasets").header("Origin", ORIGIN)
                        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "X-API-Key"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN))
                .andExpect(header().string("Access-Control-Allow-Headers", containsString("X-API-Key")))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
        mvc.perform(get("/api/v1/datasets").header("Origin", ORIGIN).header(API_KEY, ADMIN_KEY))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", ORIGIN))
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("Retry-After")));
    }

    @Test
    void otherOriginsAreRefused() throws Exception {
        mvc.perform(options("/api/v1/datasets").header("Origin", "https://evil.example.net")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get("/api/v1/datasets").header("Origin", "https://evil.example.net").header(API_KEY, ADMIN_KEY))
                .andExpect(status().isForbidden());
    }
}
