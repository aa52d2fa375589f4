package io.widrow.predictions.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code widrow.predictions.*}.
 *
 * @param maxRows   rows accepted in one request
 * @param maxValues rows × features accepted in one request, so wide models cannot make one request exhaust the heap
 *                  even under the row cap (20 M values ≈ 80 MB of floats)
 */
@ConfigurationProperties("widrow.predictions")
record PredictionsProperties(
        @DefaultValue("100000") int maxRows,
        @DefaultValue("20000000") long maxValues) {

    PredictionsProperties {
        if (maxRows < 1) {
            throw new IllegalArgumentException("widrow.predictions.max-rows must be >= 1, got " + maxRows);
        }
        if (maxValues < 1) {
            throw new IllegalArgumentException("widrow.predictions.max-values must be >= 1, got " + maxValues);
        }
    }
}
