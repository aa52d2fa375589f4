package io.widrow.jobs;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A real server: SSE is best checked over a real socket, the way browsers and curl consume it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobEventsTest extends JobsTestSupport {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "jobs-events", 1);
    }

    record Event(String name, JsonNode data) {
    }

    @Test
    void streamsEpochsThenTheFinalStatusAndEnds() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 2000, 0.05);
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":16}]},"
                + "\"training\":{\"epochs\":15,\"batchSize\":16,\"earlyStopping\":{\"patience\":0}}}").get("id").asString();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs/" + id + "/events"))
                .header(API_KEY, ADMIN_KEY).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        List<Event> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && name != null) {
                    events.add(new Event(name, json.readTree(data.toString())));
                    name = null;
                    data.setLength(0);
                }
            }
        }
        List<Integer> epochs = events.stream().filter(e -> e.name().equals("epoch"))
                .map(e -> e.data().get("epoch").asInt()).toList();
        assertThat(epochs).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("status");
        assertThat(last.data().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.data().get("modelId").asString()).isNotBlank();
        assertThat(events.get(0).name()).isIn("status", "epoch");
        // The final event comes after every epoch.
        assertThat(events.stream().filter(e -> e.name().equals("epoch")).allMatch(e -> events.indexOf(e) < events.size() - 1))
                .isTrue();

        // A finished job's stream replays everything and ends at once.
        HttpResponse<String> replay = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(replay.body()).contains("event:epoch").contains("\"SUCCEEDED\"");
    }
}
