package io.widrow.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.widrow.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Grafana dashboard docker-compose provisions has the operator's panels (queue length, running jobs,
 * epoch duration, samples/s, prediction latency), and every series its queries use is one the service
 * really exports once a job has trained and a prediction has been served.
 */
class DashboardMetricsTest extends ApiTestSupport {
    private static final Path DASHBOARD = Path.of("docs/ops/grafana/dashboards/widrow.json");
    private static final Pattern SERIES = Pattern.compile("\\b((?:widrow|http_server)_[a-z_]+)");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedDatabase(registry, "dashboard", true);
    }

    @Test
    void everyPanelQueriesSeriesTheServiceExports() throws Exception {
        JsonNode dashboard = json.readTree(Files.readString(DASHBOARD));
        List<String> titles = new ArrayList<>();
        Set<String> series = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            titles.add(panel.get("title").asString().toLowerCase());
            for (JsonNode target : panel.get("targets")) {
                Matcher m = SERIES.matcher(target.get("expr").asString());
                while (m.find()) {
                    series.add(m.group(1));
                }
            }
        }
        assertThat(titles).anyMatch(t -> t.contains("queue length")).anyMatch(t -> t.contains("running jobs"))
                .anyMatch(t -> t.contains("epoch duration")).anyMatch(t -> t.contains("samples/s"))
                .anyMatch(t -> t.contains("prediction latency"));

        String ds = body(mvc.perform(post("/api/v1/datasets/generate").header(API_KEY, ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"and\",\"samples\":8,\"noise\":0}"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        String job = body(mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"perceptron\"},\"training\":{\"epochs\":3}}"))
                .andExpect(status().isAccepted()).andReturn()).get("id").asString();
        String model = awaitModel(job);
        mvc.perform(post("/api/v1/models/{id}/predict", model).header(API_KEY, ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"inputs\":[[1,1]]}")).andExpect(status().isOk());

        String scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(series).contains("widrow_jobs_queue", "widrow_jobs", "widrow_epoch_duration_seconds_bucket",
                "widrow_training_samples_per_second", "widrow_predictions_seconds_bucket");
        for (String s : series) {
            assertThat(scrape).as("series %s used by the dashboard", s).containsPattern("(?m)^" + s + "[{ ]");
        }
    }

    private String awaitModel(String job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode j = body(mvc.perform(get("/api/v1/jobs/{id}", job).header(API_KEY, ADMIN_KEY)).andReturn());
            if ("SUCCEEDED".equals(j.get("status").asString())) {
                return j.get("modelId").asString();
            }
            Thread.sleep(50);
        }
        return fail("job %s did not succeed", job);
    }
}
