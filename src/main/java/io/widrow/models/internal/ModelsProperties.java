package io.widrow.models.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code widrow.models.*}; kept in this feature so the system feature's properties stay untouched.
 *
 * @param cacheSize          decoded models kept per node
 * @param cacheMaxParameters total parameters the cache may hold (≈ 4 bytes each plus optimizer-free overhead);
 *                           a single model larger than this is decoded per request instead of being cached
 */
@ConfigurationProperties("widrow.models")
record ModelsProperties(
        @DefaultValue("32") int cacheSize,
        @DefaultValue("50000000") long cacheMaxParameters) {

    ModelsProperties {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("widrow.models.cache-size must be >= 0, got " + cacheSize);
        }
        if (cacheMaxParameters < 0) {
            throw new IllegalArgumentException("widrow.models.cache-max-parameters must be >= 0, got " + cacheMaxParameters);
        }
    }
}
