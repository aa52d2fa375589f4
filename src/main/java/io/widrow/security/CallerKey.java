package io.widrow.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which API key authenticated a request, for limits kept per key (the predict rate). The value is the key's SHA-256,
 * the same non-secret identifier the database stores, never the key itself.
 */
public final class CallerKey {
    /** Request attribute set by the API-key filter once a key has been accepted. */
    public static final String ATTRIBUTE = CallerKey.class.getName();

    private CallerKey() {
    }

    /** The key's hash, or null when the request was not authenticated by a key. */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String s ? s : null;
    }
}
