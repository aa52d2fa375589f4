package io.widrow.jobs;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class JobApiTest extends JobsTestSupport {

    @Autowired
    InMemoryModels models;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "jobs-api", 2);
    }

    @Test
    void mlpOnRingsTrainsEveryEpochAndRegistersAModel() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 200, 0.05);
        JsonNode submitted = submit(ADMIN_KEY, """
                {"datasetId": "%s", "model": {"layers": [{"units": 8}, {"type": "batchnorm"}, {"units": 8, "activation": "tanh"}]},
                 "training": {"epochs": 12, "batchSize": 32, "earlyStopping": {"patience": 0}}}""".formatted(ds));
        String id = submitted.get("id").asString();
        assertThat(submitted.get("status").asString()).isIn("QUEUED", "RUNNING", "SUCCEEDED");

        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epoch").asInt()).isEqualTo(12);
        assertThat(job.get("epochs").asInt()).isEqualTo(12);
        assertThat(job.get("modelId").asString()).isNotBlank();
        assertThat(job.get("startedAt").isNull()).isFalse();
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(job.get("latest").get("epoch").asInt()).isEqualTo(12);
        assertThat(job.get("datasetId").asString()).isEqualTo(ds);
        assertThat(models.models).containsKey(java.util.UUID.fromString(job.get("modelId").asString()));

        JsonNode metrics = metrics(ADMIN_KEY, id);
        assertThat(metrics.size()).isEqualTo(12);
        for (int i = 0; i < 12; i++) {
            JsonNode m = metrics.get(i);
            assertThat(m.get("epoch").asInt()).isEqualTo(i + 1);
            for (String f : new String[] {"loss", "accuracy", "valLoss", "valAccuracy", "learningRate",
                    "samplesPerSecond", "seconds"}) {
                assertThat(m.get(f).isNumber()).as("%s of epoch %d", f, i + 1).isTrue();
            }
            assertThat(m.has("momentum")).isTrue();
            assertThat(m.get("gradientNorms").size()).isEqualTo(3);
            assertThat(m.get("weightNorms").size()).isEqualTo(3);
        }
    }

    @Test
    void perceptronLearnsAnd() throws Exception {
        String ds = generate(ADMIN_KEY, "and", 40, 0);
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"perceptron\"},"
                + "\"training\":{\"epochs\":20}}").get("id").asString();
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("latest").get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(job.get("spec").get("training").get("batchSize").asInt()).isEqualTo(1);
        // A free worker picks the job up at once (Quartz is signalled after commit, not left to poll).
        java.time.Duration wait = java.time.Duration.between(java.time.Instant.parse(job.get("createdAt").asString()),
                java.time.Instant.parse(job.get("startedAt").asString()));
        assertThat(wait).isLessThan(java.time.Duration.ofSeconds(1));
        assertThat(job.get("spec").get("training").get("optimizer").get("learningRate").asDouble()).isEqualTo(0.1);
    }

    @Test
    void adalineWithInteractionsSeparatesXor() throws Exception {
        String ds = generate(ADMIN_KEY, "xor", 20, 0);
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"adaline\","
                + "\"featureMap\":\"interactions\",\"threshold\":0.5},\"training\":{\"epochs\":300}}").get("id").asString();
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("latest").get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void regressionLossFalls() throws Exception {
        Random r = new Random(3);
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 200; i++) {
            double a = r.nextDouble() * 4 - 2;
            double b = r.nextDouble() * 4 - 2;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b, 2 * a - b + r.nextGaussian() * 0.05));
        }
        String ds = body(mvc.perform(upload(ADMIN_KEY, "lin.csv", csv.toString()).param("task", "regression"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        JsonNode submitted = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":16}]},"
                + "\"training\":{\"epochs\":30,\"batchSize\":16,\"optimizer\":{\"learningRate\":0.01}}}");
        JsonNode output = submitted.get("spec").get("model").get("output");
        assertThat(output.get("activation").asString()).isEqualTo("identity");
        assertThat(output.get("loss").asString()).isEqualTo("mse");
        JsonNode job = awaitEnd(ADMIN_KEY, submitted.get("id").asString());
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode metrics = metrics(ADMIN_KEY, job.get("id").asString());
        double first = metrics.get(0).get("loss").asDouble();
        double last = metrics.get(metrics.size() - 1).get("loss").asDouble();
        assertThat(last).isLessThan(first / 10);
        assertThat(metrics.get(0).get("accuracy").isNull()).isTrue();
    }

    @Test
    void aSpecOfJustTheDatasetGetsSklearnLikeDefaults() throws Exception {
        String ds = generate(ADMIN_KEY, "moons", 1000, 0.1);
        JsonNode submitted = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\"}");
        JsonNode spec = submitted.get("spec");
        assertThat(spec.get("datasetId").asString()).isEqualTo(ds);
        assertThat(spec.get("validation").get("split").asDouble()).isEqualTo(0.1);
        JsonNode model = spec.get("model");
        assertThat(model.get("type").asString()).isEqualTo("mlp");
        assertThat(model.get("featureMap").asString()).isEqualTo("none");
        assertThat(model.get("standardize").asBoolean()).isTrue();
        assertThat(model.get("layers").size()).isEqualTo(1);
        assertThat(model.get("layers").get(0).get("units").asInt()).isEqualTo(100);
        assertThat(model.get("layers").get(0).get("activation").asString()).isEqualTo("relu");
        assertThat(model.get("layers").get(0).get("init").asString()).isEqualTo("he_normal");
        assertThat(model.get("output").get("activation").asString()).isEqualTo("softmax");
        assertThat(model.get("output").get("loss").asString()).isEqualTo("cross_entropy");
        assertThat(model.get("output").get("init").asString()).isEqualTo("xavier_normal");
        JsonNode training = spec.get("training");
        assertThat(training.get("epochs").asInt()).isEqualTo(200);
        assertThat(training.get("batchSize").asInt()).isEqualTo(200);
        assertThat(training.get("shuffle").asBoolean()).isTrue();
        assertThat(training.get("seed").asLong()).isEqualTo(42);
        assertThat(training.get("optimizer").get("type").asString()).isEqualTo("adam");
        assertThat(training.get("optimizer").get("learningRate").asDouble()).isEqualTo(1e-3);
        assertThat(training.get("schedule").get("type").asString()).isEqualTo("constant");
        assertThat(training.get("earlyStopping").get("patience").asInt()).isEqualTo(10);
        assertThat(training.get("earlyStopping").get("minDelta").asDouble()).isEqualTo(1e-4);
        assertThat(training.get("earlyStopping").get("restoreBest").asBoolean()).isTrue();
        assertThat(spec.get("priority").asInt()).isZero();
        assertThat(spec.get("maxRuntimeSeconds").asInt()).isEqualTo(86400);

        JsonNode job = awaitEnd(ADMIN_KEY, submitted.get("id").asString());
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("latest").get("valAccuracy").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void tenProblemsComeBackInOneResponse() throws Exception {
        String ds = generate(ADMIN_KEY, "xor", 8, 0);
        String body = mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"datasetId": "%s", "validation": {"split": 1.5},
                                 "model": {"featureMap": "cubic",
                                           "layers": [{"units": 0}, {"units": 8, "activation": "swish"}, {"type": "conv"}],
                                           "output": {"init": "bad"}},
                                 "training": {"epochs": 0, "batchSize": -1, "optimizer": {"learningRate": -1},
                                              "schedule": {"type": "exp"}}}""".formatted(ds)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        JsonNode errors = json.readTree(body).get("errors");
        Set<String> fields = new HashSet<>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("validation.split", "model.featureMap", "model.layers[0].units",
                "model.layers[1].activation", "model.layers[2].type", "model.output.init", "training.epochs",
                "training.batchSize", "training.optimizer.learningRate", "training.schedule.type");
        assertThat(errors.size()).isEqualTo(10);
        assertThat(body).contains("swish").contains("relu");
    }

    @Test
    void datasetProblemsNameTheField() throws Exception {
        String regression = body(mvc.perform(upload(ADMIN_KEY, "r.csv", "a,y\n1,2\n2,4\n3,6\n4,8\n").param("task", "regression"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        String wide = body(mvc.perform(upload(ADMIN_KEY, "w.csv", "a,b,c,y\n1,2,3,p\n2,3,4,q\n"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        String xor = generate(ADMIN_KEY, "xor", 8, 0);
        mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\":\"" + regression + "\",\"model\":{\"output\":{\"loss\":\"cross_entropy\"}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("model.output.loss"));
        mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\":\"" + xor + "\",\"validation\":{\"datasetId\":\"" + wide + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("validation.datasetId"));
        mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\":\"" + java.util.UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("datasetId"));
        mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("datasetId"));
    }

    @Test
    void otherUsersSeeNothingAndAnonymousIsRejected() throws Exception {
        String alice = createKey("alice", "user");
        String bob = createKey("bob", "user");
        String ds = generate(alice, "xor", 8, 0);
        String id = submit(alice, "{\"datasetId\":\"" + ds + "\",\"training\":{\"epochs\":2}}").get("id").asString();
        mvc.perform(get("/api/v1/jobs/" + id).header(API_KEY, bob)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id + "/metrics").header(API_KEY, bob)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id + "/events").header(API_KEY, bob)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/jobs/" + id + "/cancel").header(API_KEY, bob)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"datasetId\":\"" + ds + "\"}"))
                .andExpect(status().isUnauthorized());
        // Bob cannot train on Alice's dataset either.
        mvc.perform(post("/api/v1/jobs").header(API_KEY, bob).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\":\"" + ds + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("datasetId"));
        mvc.perform(get("/api/v1/jobs").header(API_KEY, bob)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/jobs").header(API_KEY, alice)).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        // Admins see everything.
        awaitEnd(ADMIN_KEY, id);

        // A finished job cannot be cancelled.
        mvc.perform(post("/api/v1/jobs/" + id + "/cancel").header(API_KEY, alice)).andExpect(status().isConflict());
    }

    @Test
    void listIsPagedNewestFirstAndFiltersByStatus() throws Exception {
        String owner = createKey("lister", "user");
        String ds = generate(owner, "and", 8, 0);
        String first = submit(owner, "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"perceptron\"},\"training\":{\"epochs\":1}}")
                .get("id").asString();
        Thread.sleep(5);
        String second = submit(owner, "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"perceptron\"},\"training\":{\"epochs\":1}}")
                .get("id").asString();
        awaitEnd(owner, first);
        awaitEnd(owner, second);
        mvc.perform(get("/api/v1/jobs").param("size", "1").header(API_KEY, owner))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(second))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1));
        mvc.perform(get("/api/v1/jobs").param("page", "1").param("size", "1").header(API_KEY, owner))
                .andExpect(jsonPath("$.items[0].id").value(first));
        mvc.perform(get("/api/v1/jobs").param("status", "succeeded").header(API_KEY, owner))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/jobs").param("status", "QUEUED").header(API_KEY, owner))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/jobs").param("status", "done").header(API_KEY, owner))
                .andExpect(status().isBadRequest());
    }

    @Test
    void trainingFailuresAreReportedOnTheJob() throws Exception {
        String ds = generate(ADMIN_KEY, "xor", 8, 0);
        // Output units that contradict the data are only discovered once the data is loaded.
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"output\":{\"units\":5}},"
                + "\"training\":{\"epochs\":2}}").get("id").asString();
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").get("title").asString()).isEqualTo("Training failed");
        assertThat(job.get("error").get("detail").asString()).contains("output.units");
        assertThat(job.get("modelId").isNull()).isTrue();
    }

    @Test
    void maxRuntimeIsEnforced() throws Exception {
        String ds = generate(ADMIN_KEY, "rings", 3000, 0.1);
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"maxRuntimeSeconds\":1,"
                + "\"training\":{\"epochs\":100000,\"earlyStopping\":{\"patience\":0},\"batchSize\":1}}").get("id").asString();
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").get("detail").asString()).isEqualTo("exceeded maxRuntimeSeconds=1");
    }

    @Test
    void locationPointsAtTheJob() throws Exception {
        String ds = generate(ADMIN_KEY, "and", 8, 0);
        String location = mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"perceptron\"},\"training\":{\"epochs\":1}}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/")))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).header(API_KEY, ADMIN_KEY)).andExpect(status().isOk());
    }

    @Test
    void meterNamesMatchTheDashboardAndTheApiIsDocumented() throws Exception {
        String ds = generate(ADMIN_KEY, "and", 8, 0);
        awaitEnd(ADMIN_KEY, submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"type\":\"perceptron\"},"
                + "\"training\":{\"epochs\":2}}").get("id").asString());
        String scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(scrape).contains("widrow_jobs{", "status=\"SUCCEEDED\"", "widrow_jobs_queue ",
                "widrow_epoch_duration_seconds_count", "widrow_epoch_duration_seconds_bucket",
                "widrow_training_samples_per_second ", "widrow_job_duration_seconds_count");
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/v1/jobs/{id}/events", "/api/v1/jobs/{id}/cancel", "/api/v1/jobs/{id}/metrics",
                "JobSpec", "earlyStopping");
    }

    @Test
    void typeSpecificFieldsAreCheckedAndUnknownNamesListTheChoices() throws Exception {
        String ds = generate(ADMIN_KEY, "xor", 8, 0);
        String body = mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"datasetId": "%s",
                                 "model": {"layers": [{"type": "batchnorm", "units": 4}, {"units": 4, "activation": "leaky_relu", "alpha": -1}]},
                                 "training": {"optimizer": {"type": "lbfgs"},
                                              "schedule": {"type": "cyclic"},
                                              "earlyStopping": {"minDelta": -1}}}""".formatted(ds)))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        JsonNode errors = json.readTree(body).get("errors");
        java.util.Map<String, String> byField = new java.util.HashMap<>();
        errors.forEach(e -> byField.put(e.get("field").asString(), e.get("message").asString()));
        assertThat(byField).containsOnlyKeys("model.layers[0].units", "model.layers[1].alpha", "training.optimizer.type",
                "training.schedule.maxLearningRate", "training.schedule.cycleSteps", "training.earlyStopping.minDelta");
        assertThat(byField.get("training.optimizer.type")).contains("sgd", "adam", "lbfgs");

        // Linear models have no layers; a perceptron cannot do regression.
        String regression = body(mvc.perform(upload(ADMIN_KEY, "r.csv", "a,y\n1,2\n2,4\n3,6\n").param("task", "regression"))
                .andExpect(status().isCreated()).andReturn()).get("id").asString();
        mvc.perform(post("/api/v1/jobs").header(API_KEY, ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\":\"" + regression + "\",\"model\":{\"type\":\"perceptron\",\"layers\":[{\"units\":3}]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("model.type", "model.layers")));
    }
}
