package io.widrow.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database becomes unreachable while a job trains (every new connection fails, as when PostgreSQL is down):
 * training carries on to its last epoch, the API answers 503 problem+json, and once the database is back the
 * epochs trained meanwhile are stored and the job finishes normally.
 */
@Import(DatabaseOutageTest.Outage.class)
class DatabaseOutageTest extends JobsTestSupport {
    @Autowired
    Outage.Switch database;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        isolatedJobsDatabase(registry, "jobs-outage", 1);
    }

    @TestConfiguration
    static class Outage {
        static final class Switch {
            volatile boolean down;
        }

        @Bean
        static Switch databaseSwitch() {
            return new Switch();
        }

        @Bean
        static BeanPostProcessor switchableDataSource(org.springframework.beans.factory.ObjectProvider<Switch> sw) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource ds) || bean instanceof DelegatingDataSource) {
                        return bean;
                    }
                    return new DelegatingDataSource(ds) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            check();
                            return super.getConnection();
                        }

                        @Override
                        public Connection getConnection(String user, String password) throws SQLException {
                            check();
                            return super.getConnection(user, password);
                        }

                        private void check() throws SQLException {
                            if (sw.getObject().down) {
                                // What the pool throws when it cannot reach the server.
                                throw new SQLTransientConnectionException("test outage: database unreachable", "08001");
                            }
                        }
                    };
                }
            };
        }
    }

    @Test
    void trainingCarriesOnThroughAnOutageAndTheApiSays503() throws Exception {
        // Enough epochs that the outage starts mid-run: the API shows epoch 3 only once the metrics writer
        // has stored it, and with 150 epochs one full-suite run saw the whole job finish before that.
        int epochs = 600;
        String ds = generate(ADMIN_KEY, "rings", 2000, 0.1);
        double base = trainedEpochs();
        String id = submit(ADMIN_KEY, "{\"datasetId\":\"" + ds + "\",\"model\":{\"layers\":[{\"units\":32}]},"
                + "\"training\":{\"epochs\":" + epochs + ",\"batchSize\":16,\"earlyStopping\":{\"patience\":0}}}")
                .get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (job(ADMIN_KEY, id).get("epoch").asInt() < 3) {
            assertThat(System.nanoTime()).as("the job never got going").isLessThan(deadline);
            Thread.sleep(20);
        }
        database.down = true;
        try {
            assertThat(trainedEpochs() - base).as("epochs trained before the outage").isLessThan(epochs - 10);
            for (String path : List.of("/api/v1/jobs/" + id, "/api/v1/jobs", "/api/v1/datasets/" + ds)) {
                mvc.perform(get(path).header(API_KEY, ADMIN_KEY))
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(header().string("Retry-After", "5"))
                        .andExpect(jsonPath("$.detail").value("The database is unreachable at the moment; retry shortly."));
            }
            // The training thread never waits on the database: the run reaches its last epoch during the outage,
            // and the runner then waits for the database to store the epochs, the model and the status.
            while (trainedEpochs() - base < epochs) {
                if (System.nanoTime() > deadline) {
                    fail("training stalled during the outage after %s epochs", trainedEpochs() - base);
                }
                Thread.sleep(20);
            }
        } finally {
            database.down = false;
        }
        JsonNode job = awaitEnd(ADMIN_KEY, id);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epoch").asInt()).isEqualTo(epochs);
        List<Integer> stored = new ArrayList<>();
        metrics(ADMIN_KEY, id).forEach(m -> stored.add(m.get("epoch").asInt()));
        assertThat(stored).containsExactlyElementsOf(IntStream.rangeClosed(1, epochs).boxed().toList());
    }

    private double trainedEpochs() {
        return meters.get("widrow.epoch.duration").timer().count();
    }
}
