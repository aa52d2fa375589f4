package io.widrow.security;

import java.nio.file.Files;
import java.nio.file.Path;

import io.widrow.ApiTestSupport;
import io.widrow.system.WidrowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AdminKeyBootstrapTest extends ApiTestSupport {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "bootstrap", false);
    }

    @Autowired
    WidrowProperties properties;

    @Test
    void generatesAnAdminKeyIntoTheDataDirectory() throws Exception {
        Path file = properties.dataDir().resolve("admin.key");
        assertThat(file).exists();
        String key = Files.readString(file).trim();
        assertThat(key).startsWith("wdr_");
        mvc.perform(get("/api/v1/keys").header(API_KEY, key)).andExpect(status().isOk());
    }
}
