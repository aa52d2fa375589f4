package io.widrow.predictions.internal;

import java.io.InputStream;
import java.util.Map;

import io.widrow.security.CallerKey;
import io.widrow.system.ApiException;
import io.widrow.system.TooManyRequests;
import io.widrow.system.WidrowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictGuardTest {

    private static PredictGuard guard(Map<String, String> limits) {
        return new PredictGuard(new Binder(new MapConfigurationPropertySource(limits)).bindOrCreate("widrow",
                WidrowProperties.class));
    }

    /** A chunked body announces no length: the cap must hold while streaming. */
    @Test
    void aBodyWithoutContentLengthIsCountedWhileRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[3000]);
        InputStream body = guard(Map.of("widrow.limits.max-predict-body", "2KB")).admit(request);
        assertThatThrownBy(body::readAllBytes).isInstanceOf(ApiException.class)
                .hasMessageContaining("2 KB (2048 bytes) (widrow.limits.max-predict-body)");
    }

    @Test
    void theBucketRefillsAtTheRateAndKeysDoNotShare() throws Exception {
        PredictGuard g = guard(Map.of("widrow.limits.predict-rate", "1000", "widrow.limits.predict-burst", "3"));
        MockHttpServletRequest a = new MockHttpServletRequest();
        a.setAttribute(CallerKey.ATTRIBUTE, "key-a");
        MockHttpServletRequest b = new MockHttpServletRequest();
        b.setAttribute(CallerKey.ATTRIBUTE, "key-b");
        int admitted = 0;
        long start = System.nanoTime();
        // faster than 1000/s can refill: the burst of 3 plus at most the refill during the loop
        for (int i = 0; i < 50; i++) {
            try {
                g.admit(a);
                admitted++;
            } catch (TooManyRequests e) {
                assertThat(e.retryAfterSeconds()).isEqualTo(1);
            }
        }
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(admitted).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(3 + (int) Math.ceil(elapsedSeconds * 1000));
        g.admit(b);
    }

    @Test
    void rateZeroSwitchesTheLimitOff() throws Exception {
        PredictGuard g = guard(Map.of("widrow.limits.predict-rate", "0", "widrow.limits.predict-burst", "1"));
        MockHttpServletRequest a = new MockHttpServletRequest();
        a.setAttribute(CallerKey.ATTRIBUTE, "key-a");
        for (int i = 0; i < 100; i++) {
            g.admit(a);
        }
    }
}
