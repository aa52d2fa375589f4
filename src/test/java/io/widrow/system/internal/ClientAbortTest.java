package io.widrow.system.internal;

import java.io.IOException;
import java.util.Map;

import io.widrow.system.WidrowProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that hangs up mid-response (wrk at the end of a run, a closed browser tab) is not a server error. */
@ExtendWith(OutputCaptureExtension.class)
class ClientAbortTest {
    private final ProblemHandler handler = new ProblemHandler(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("widrow", WidrowProperties.class));

    @Test
    void aDroppedConnectionIsNeitherAnsweredNorLoggedAsAnError(CapturedOutput output) {
        Exception wrapped = new IllegalStateException("write failed",
                new AsyncRequestNotUsableException("ServletOutputStream failed to write", new IOException("Broken pipe")));
        assertThat(handler.unexpected(wrapped)).isNull();
        assertThat(output.getAll()).doesNotContain("Unhandled error");
    }

    @Test
    void realFailuresStillAre500AndLogged(CapturedOutput output) {
        assertThat(handler.unexpected(new IllegalStateException("bug")).getStatusCode().value()).isEqualTo(500);
        assertThat(output.getAll()).contains("Unhandled error");
    }
}
