package io.widrow.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The API of a running server over real HTTP with the admin key: for tests that start whole servers. */
abstract class HttpApi {
    static final String ADMIN_KEY = JobsTestSupport.ADMIN_KEY;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String base;

    HttpApi(String base) {
        this.base = base;
    }

    JsonNode post(String path, String body, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-API-Key", ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    String generate(String kind, int samples, double noise) throws Exception {
        return post("/api/v1/datasets/generate", "{\"kind\":\"" + kind + "\",\"samples\":" + samples + ",\"noise\":"
                + noise + ",\"seed\":3}", 201).get("id").asString();
    }

    JsonNode awaitEnd(String jobId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode j = null;
        while (System.nanoTime() < deadline) {
            j = get("/api/v1/jobs/" + jobId);
            if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(j.get("status").asString())) {
                return j;
            }
            Thread.sleep(100);
        }
        return fail("job %s did not finish within %s: %s", jobId, timeout, j);
    }
}
