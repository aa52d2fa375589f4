package io.widrow.jobs.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.widrow.datasets.DatasetCatalog;
import io.widrow.datasets.DatasetInfo;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.Footprint;
import io.widrow.hostile.Mutator;
import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import io.widrow.system.WidrowProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded mutations of valid job specs through JSON binding and {@link SpecMapper}: each is a binding error (400), a
 * 4xx listing fields, or a normalized spec that survives the round trip a worker makes (JSON, then engine specs) and
 * whose footprint can be estimated.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SpecFuzzTest {
    private static final int CASES = 3000;
    private static final long SEED = 42_4242L;
    private static final UUID CLASSES = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID BINARY = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID REGRESSION = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private static final DatasetCatalog CATALOG = new DatasetCatalog() {
        private final Map<UUID, DatasetInfo> all = Map.of(
                CLASSES, new DatasetInfo(CLASSES, "o", "c", Dataset.Task.CLASSIFICATION, 150, 4,
                        List.of("a", "b", "c", "d"), List.of("x", "y", "z")),
                BINARY, new DatasetInfo(BINARY, "o", "b", Dataset.Task.CLASSIFICATION, 4, 2, List.of("x1", "x2"),
                        List.of("0", "1")),
                REGRESSION, new DatasetInfo(REGRESSION, "o", "r", Dataset.Task.REGRESSION, 200, 3,
                        List.of("p", "q", "r"), List.of()));

        @Override
        public Optional<DatasetInfo> find(UUID id, Caller caller) {
            return Optional.ofNullable(all.get(id));
        }

        @Override
        public Dataset load(UUID id) {
            throw new UnsupportedOperationException("the mapper never loads samples");
        }
    };

    private static final String[] SEEDS = {
            "{\"datasetId\":\"" + CLASSES + "\"}",
            "{\"datasetId\":\"" + CLASSES + "\",\"validation\":{\"split\":0.2},\"model\":{\"type\":\"mlp\",\"featureMap\":\"poly2\","
                    + "\"layers\":[{\"units\":8,\"activation\":\"leaky_relu\",\"alpha\":0.1},{\"type\":\"batchnorm\"},"
                    + "{\"units\":4,\"activation\":\"tanh\",\"init\":\"constant\",\"initValue\":0.1},{\"type\":\"layernorm\"}],"
                    + "\"output\":{\"activation\":\"softmax\",\"loss\":\"cross_entropy\"}},\"training\":{\"epochs\":5,"
                    + "\"batchSize\":16,\"optimizer\":{\"type\":\"momentum\",\"learningRate\":0.1,\"momentum\":0.9,"
                    + "\"initialMomentum\":0.5,\"momentumSwitchEpoch\":2},\"schedule\":{\"type\":\"step\",\"gamma\":0.5,"
                    + "\"stepEpochs\":2,\"warmupSteps\":3},\"gradientClip\":{\"norm\":1},\"earlyStopping\":{\"patience\":2}},"
                    + "\"priority\":5,\"maxRuntimeSeconds\":60}",
            "{\"datasetId\":\"" + BINARY + "\",\"model\":{\"type\":\"adaline\",\"featureMap\":\"interactions\",\"threshold\":0.5},"
                    + "\"training\":{\"epochs\":10,\"optimizer\":{\"type\":\"sgd\",\"learningRate\":0.01},"
                    + "\"schedule\":{\"type\":\"inverse_time\",\"a\":1,\"b\":2}}}",
            "{\"datasetId\":\"" + REGRESSION + "\",\"validation\":{\"datasetId\":\"" + REGRESSION + "\"},"
                    + "\"model\":{\"layers\":[{\"units\":3}],\"output\":{\"loss\":\"mse\"}},\"training\":{\"optimizer\":"
                    + "{\"type\":\"adam\",\"beta1\":0.8},\"schedule\":{\"type\":\"cyclic\",\"maxLearningRate\":0.01,"
                    + "\"cycleSteps\":10}}}",
            "{\"datasetId\":\"" + BINARY + "\",\"model\":{\"type\":\"perceptron\"},\"training\":{\"schedule\":"
                    + "{\"type\":\"plateau\",\"factor\":0.5,\"patience\":3}}}",
            "{\"datasetId\":\"" + CLASSES + "\",\"training\":{\"optimizer\":{\"type\":\"rmsprop\",\"rho\":0.9},"
                    + "\"schedule\":{\"type\":\"cosine\",\"period\":5,\"periodMultiplier\":2}}}"};

    @Test
    void everyMutatedSpecIsRefusedWithFieldsOrRunsOnAWorker() {
        JsonMapper mapper = JsonMapper.builder().build();
        WidrowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("widrow", WidrowProperties.class);
        SpecMapper specs = new SpecMapper(CATALOG, properties);
        Caller caller = new Caller("o", false);
        Mutator m = new Mutator(SEED);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] seed = SEEDS[i % SEEDS.length].getBytes(StandardCharsets.UTF_8);
            byte[] body = i % 2 == 0 ? mapper.writeValueAsBytes(m.mutate(mapper.readTree(seed))) : m.mutate(seed);
            String text = new String(body, StandardCharsets.UTF_8);
            JobSpec spec;
            try {
                spec = mapper.readValue(body, JobSpec.class);
            } catch (JacksonException e) {
                continue;
            }
            try {
                SpecMapper.Prepared p = specs.prepare(spec, caller);
                // what the worker does with the stored row
                SpecMapper.EngineSpecs again = SpecMapper.toEngine(mapper.readValue(mapper.writeValueAsString(p.spec()), JobSpec.class));
                assertThat(again.model()).isEqualTo(p.engine().model());
                DatasetInfo info = CATALOG.find(p.datasetId(), caller).orElseThrow();
                Footprint f = Footprint.estimate(p.engine().model(), p.engine().training(), info.rows(), info.features(),
                        Math.max(1, info.classes().size()), 0);
                assertThat(f.totalBytes()).isPositive();
                accepted++;
            } catch (ApiException e) {
                if (!e.status().is4xxClientError() || e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("case %d (seed %d): %s for %s", i, SEED, e.status(), text);
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") threw " + e + " for "
                        + text.substring(0, Math.min(600, text.length())), e);
            }
        }
        assertThat(accepted).isPositive();
    }
}
