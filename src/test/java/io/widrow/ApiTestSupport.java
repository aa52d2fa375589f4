package io.widrow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Full application against a fresh H2 file database per test class: each subclass calls
 * {@link #isolatedDatabase} from its own {@code @DynamicPropertySource}, so classes never share data.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ApiTestSupport {
    public static final String ADMIN_KEY = "wdr_test-admin-key-0123456789abcdef";
    public static final String API_KEY = "X-API-Key";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    protected static void isolatedDatabase(DynamicPropertyRegistry registry, String name, boolean withAdminKey) {
        try {
            Path dir = Files.createTempDirectory("widrow-test-" + name);
            dir.toFile().deleteOnExit();
            registry.add("widrow.data-dir", dir::toString);
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("widrow") + ";AUTO_SERVER=TRUE");
            // Quartz keys its data source by scheduler name JVM-wide: a shared name lets a cached context
            // poll another test class's tables and steal its triggers.
            registry.add("spring.quartz.scheduler-name", () -> "widrow-test-" + name + "-" + dir.getFileName());
            if (withAdminKey) {
                registry.add("widrow.admin-key", () -> ADMIN_KEY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a key through the API and returns its secret. */
    protected String createKey(String name, String role) throws Exception {
        String body = mvc.perform(post("/api/v1/keys").header(API_KEY, ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("key").asString();
    }

    protected MockMultipartHttpServletRequestBuilder upload(String key, String filename, String content) {
        return upload(key, filename, content.getBytes(StandardCharsets.UTF_8));
    }

    protected MockMultipartHttpServletRequestBuilder upload(String key, String filename, byte[] content) {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/datasets")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content));
        b.header(API_KEY, key);
        return b;
    }

    protected JsonNode body(org.springframework.test.web.servlet.MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
