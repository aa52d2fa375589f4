package io.widrow.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.widrow.WidrowApplication;
import io.widrow.engine.data.Dataset;
import io.widrow.engine.model.Prediction;
import io.widrow.engine.model.TrainingOutcome;
import io.widrow.security.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Models live in the database, not in the node: a fresh context on the same H2 file serves them unchanged. */
class ModelRestartTest {

    private static ConfigurableApplicationContext start(Path dir) {
        // Command-line arguments, not default properties: application.properties would outrank those
        // and point the test at the project's own ./data directory.
        return new SpringApplicationBuilder(WidrowApplication.class)
                .run("--widrow.data-dir=" + dir,
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("widrow") + ";AUTO_SERVER=TRUE",
                        "--widrow.admin-key=wdr_restart-admin-key-0123456789abcdef",
                        "--spring.quartz.scheduler-name=widrow-test-model-restart",
                        "--server.port=0");
    }

    @Test
    void aModelSurvivesAContextRestart() throws Exception {
        Path dir = Files.createTempDirectory("widrow-test-restart");
        dir.toFile().deleteOnExit();
        TrainingOutcome out = ModelFixtures.blobClassifier();
        Dataset held = ModelFixtures.blobs(50, 9);
        Caller alice = new Caller("alice", false);
        UUID id;
        float[] before;
        try (ConfigurableApplicationContext first = start(dir)) {
            id = first.getBean(ModelRegistry.class).register(new NewModel("alice", UUID.randomUUID(), null,
                    out.model(), ModelFixtures.metrics(out)));
            before = first.getBean(ModelLookup.class).find(id, alice).orElseThrow()
                    .model().predict(held.x(), held.rows()).outputs();
        }
        try (ConfigurableApplicationContext second = start(dir)) {
            LoadedModel again = second.getBean(ModelLookup.class).find(id, alice).orElseThrow();
            Prediction after = again.model().predict(held.x(), held.rows());
            assertThat(after.outputs()).containsExactly(before);
            assertThat(after.outputs()).containsExactly(out.model().predict(held.x(), held.rows()).outputs());
            assertThat(second.getBean(ModelLookup.class).find(id, new Caller("bob", false))).isEmpty();
        }
    }
}
