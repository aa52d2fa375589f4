package io.widrow.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.widrow.security.Caller;
import io.widrow.security.CallerKey;
import io.widrow.security.CallerKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key}. A bad key is only marked, not rejected here, so open endpoints keep working
 * and the authorization rules decide; the entry point then explains why the key failed.
 * Not a bean on purpose: Boot would otherwise register it a second time as a plain servlet filter.
 */
class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";

    private final ApiKeyService keys;

    ApiKeyFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            Optional<Caller> caller = keys.authenticate(presented);
            if (caller.isPresent()) {
                Caller c = caller.get();
                var authorities = List.of(new SimpleGrantedAuthority(c.admin() ? "ROLE_ADMIN" : "ROLE_USER"));
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(c, null, authorities));
                SecurityContextHolder.setContext(context);
                request.setAttribute(CallerKey.ATTRIBUTE, ApiKeyService.hash(presented.trim()));
                request.setAttribute(CallerKey.ATTRIBUTE, ApiKeyService.hash(presented.trim()));
            } else {
                request.setAttribute(ProblemResponses.INVALID_KEY_ATTRIBUTE, Boolean.TRUE);
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
