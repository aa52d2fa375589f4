package io.widrow.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain widrowSecurity(HttpSecurity http, ApiKeyService keys, ProblemResponses problems,
                                       SecurityProperties properties) throws Exception {
        http
                // Stateless header auth: no cookies, so CSRF protection has nothing to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // Spring's defaults add nosniff, X-Frame-Options DENY and no-store caching; these close the rest.
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives("frame-ancestors 'none'")))
                .cors(c -> {
                    if (properties.corsAllowedOrigins().isEmpty()) {
                        c.disable();
                    } else {
                        c.configurationSource(cors(properties.corsAllowedOrigins()));
                    }
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // An SSE stream's completion is an ASYNC re-dispatch of a request already authorized.
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        // Without /error, a validation failure re-dispatched to /error would surface as a 401.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(actuator(properties.publicActuator())).permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/", "/index.html", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/api/v1/keys", "/api/v1/keys/**", "/api/v1/audit", "/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().authenticated());
        return http.build();
    }

    private static String[] actuator(List<String> open) {
        List<String> paths = new ArrayList<>();
        for (String name : open) {
            paths.add("/actuator/" + name);
            paths.add("/actuator/" + name + "/**");
        }
        // An empty matcher list is not allowed; this path never exists.
        return paths.isEmpty() ? new String[] {"/actuator/-none-"} : paths.toArray(String[]::new);
    }

    /** Only the API, only the listed origins, no credentials: the key travels in a header the page must set itself. */
    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(origins);
        c.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
        c.setAllowedHeaders(List.of(ApiKeyFilter.HEADER, "Content-Type", "Accept", "Last-Event-ID"));
        c.setExposedHeaders(List.of("Location", "Retry-After", "Content-Disposition"));
        c.setAllowCredentials(false);
        c.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", c);
        return source;
    }
}
