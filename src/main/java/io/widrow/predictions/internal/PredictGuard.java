package io.widrow.predictions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.widrow.security.CallerKey;
import io.widrow.system.ApiException;
import io.widrow.system.LimitedInputStream;
import io.widrow.system.Sizes;
import io.widrow.system.TooManyRequests;
import io.widrow.system.WidrowProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * What a predict request must pass before its body is read: a token bucket per API key
 * ({@code widrow.limits.predict-rate} requests per second, bursts of {@code predict-burst}) and a cap on the body
 * ({@code widrow.limits.max-predict-body}), checked against Content-Length up front and counted while streaming.
 *
 * <p>The buckets are node-local: behind a load balancer over N nodes a key may get up to N times the rate. That is
 * the price of not touching the database on the hottest endpoint.
 */
@Component
class PredictGuard {
    private final double rate;
    private final int burst;
    private final long maxBody;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PredictGuard(WidrowProperties properties) {
        this.rate = properties.limits().predictRate();
        this.burst = properties.limits().predictBurst();
        this.maxBody = properties.limits().maxPredictBody().toBytes();
    }

    /** Throws 429 (with Retry-After) or 413; otherwise the body, bounded. */
    InputStream admit(HttpServletRequest request) throws IOException {
        String key = CallerKey.of(request);
        if (rate > 0 && key != null) {
            double wait = buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(rate, burst, System.nanoTime());
            if (wait > 0) {
                throw new TooManyRequests("This API key is over its predict rate of " + rate + " requests per second "
                        + "with bursts of " + burst + " (widrow.limits.predict-rate, widrow.limits.predict-burst); "
                        + "retry after " + String.format(java.util.Locale.ROOT, "%.3f", wait) + " s.",
                        (long) Math.ceil(wait));
            }
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            throw tooLarge("The request body is " + Sizes.bytes(declared));
        }
        return new LimitedInputStream(request.getInputStream(), maxBody, () -> tooLarge("The request body exceeds it"));
    }

    private ApiException tooLarge(String what) {
        return ApiException.tooLarge(what + "; the limit is " + Sizes.bytes(maxBody)
                + " (widrow.limits.max-predict-body). Split the batch.");
    }

    /** Tokens refill continuously at {@code rate} up to {@code burst}; one request takes one token. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int burst) {
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        /** 0 when a token was taken, otherwise the seconds until one will be available. */
        synchronized double take(double rate, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / rate;
        }
    }
}
