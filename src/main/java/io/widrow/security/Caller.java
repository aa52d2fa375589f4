package io.widrow.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated client of the current request. Controllers receive it with
 * {@code @AuthenticationPrincipal Caller caller}; other code may use {@link #current()}.
 *
 * @param ownerId the owner every resource the caller creates belongs to (the API key's name)
 * @param admin   admins see and manage every owner's resources
 */
public record Caller(String ownerId, boolean admin) {

    /** Whether this caller may see a resource owned by {@code resourceOwner}. */
    public boolean canAccess(String resourceOwner) {
        return admin || ownerId.equals(resourceOwner);
    }

    /** The caller bound to the current thread's request, if it was authenticated with an API key. */
    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller c ? Optional.of(c) : Optional.empty();
    }
}
