package io.widrow.security.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code widrow.security.*}.
 *
 * @param corsAllowedOrigins origins (e.g. {@code https://console.example.com}) whose browsers may call /api/**;
 *                           empty (the default) switches CORS off, so only same-origin pages can use the API
 * @param publicActuator     actuator endpoints open without a key; every other actuator endpoint needs an admin key
 */
@ConfigurationProperties("widrow.security")
record SecurityProperties(
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue({"health", "prometheus"}) List<String> publicActuator) {

    SecurityProperties {
        corsAllowedOrigins = corsAllowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        publicActuator = publicActuator.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String origin : corsAllowedOrigins) {
            if (origin.equals("*")) {
                throw new IllegalArgumentException("widrow.security.cors-allowed-origins must list origins, not '*': "
                        + "API keys would then work from any web page a key holder visits");
            }
        }
    }
}
