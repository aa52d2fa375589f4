package io.widrow.system.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.widrow.system.DatabaseFailures;
import io.widrow.system.WidrowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outages met inside a controller are 503 with Retry-After; every other data-access error keeps its own answer.
 * (Outages met in the API-key filter are covered end to end by DatabaseOutageTest.)
 */
class DatabaseUnavailableHandlerTest {

    @RestController
    static class Failing {
        @GetMapping("/fail/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                case "connection" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("unreachable", "08001"));
                case "transaction" -> new CannotCreateTransactionException("Could not open JPA EntityManager");
                case "integrity" -> new DataIntegrityViolationException("duplicate key value violates unique constraint");
                default -> new IllegalStateException("boom");
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemHandler(new WidrowProperties(null, null, 1, null, null)),
                    new DatabaseUnavailableHandler())
            .build();

    @Test
    void outagesAre503WithRetryAfter() throws Exception {
        for (String kind : new String[] {"connection", "transaction"}) {
            mvc.perform(get("/fail/" + kind))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail").value(DatabaseFailures.DETAIL));
        }
    }

    @Test
    void otherFailuresKeepTheirAnswers() throws Exception {
        mvc.perform(get("/fail/integrity")).andExpect(status().isConflict());
        mvc.perform(get("/fail/other")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred. It has been logged."));
    }

    @Test
    void connectionFailuresAreRecognisedThroughTheirCauses() {
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("refused", "08006")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("boom"))).isFalse();
    }
}
