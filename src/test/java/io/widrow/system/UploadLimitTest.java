package io.widrow.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Multipart limits are enforced by the container, which MockMvc bypasses: this runs a real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("widrow-test-limit");
        registry.add("widrow.data-dir", dir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("widrow") + ";AUTO_SERVER=TRUE");
        registry.add("widrow.admin-key", () -> ApiTestSupport.ADMIN_KEY);
        registry.add("widrow.datasets.max-upload", () -> "1KB");
    }

    @LocalServerPort
    int port;

    @Test
    void oversizedUploadIs413ProblemJson() throws Exception {
        String boundary = "widrowboundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "a,b,y\n" + "1,2,p\n".repeat(1000)
                + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/datasets"))
                .header("X-API-Key", ApiTestSupport.ADMIN_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":413").contains("limit");
    }
}
