package io.widrow.system;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A 429: the caller is over a rate or count limit and may retry after {@code retryAfterSeconds}. */
public class TooManyRequests extends ApiException {
    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
}
