package io.widrow.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.widrow.security.Caller;
import io.widrow.system.ApiException;
import io.widrow.system.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApiKeyService {
    static final String ADMIN = "admin";
    static final String USER = "user";
    static final String PREFIX = "wdr_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository repository;
    private final AuditLog audit;

    ApiKeyService(ApiKeyRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** A freshly created key; {@code secret} exists only in this value and is never stored. */
    record Issued(ApiKeyEntity key, String secret) {
    }

    @Transactional(readOnly = true)
    Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 512) {
            return Optional.empty();
        }
        return repository.findByKeyHash(hash(presented.trim()))
                .filter(k -> !k.isRevoked())
                .map(k -> new Caller(k.name(), k.isAdmin()));
    }

    @Transactional
    Issued create(String name, String role, String actor) {
        Issued issued = insert(name, role, generate());
        audit.record(actor, "create", "api_key", issued.key().id().toString());
        return issued;
    }

    @Transactional(readOnly = true)
    List<ApiKeyEntity> list() {
        return repository.findAllByOrderByCreatedAtDesc();
    }

    @Transactional
    void revoke(UUID id, String actor) {
        ApiKeyEntity key = repository.findById(id).orElseThrow(() -> ApiException.notFound("No API key with id " + id + "."));
        if (key.isRevoked()) {
            return;
        }
        // Revoking the last admin key would lock everyone out of key management.
        if (key.isAdmin() && repository.countByRoleAndRevokedAtIsNull(ADMIN) <= 1) {
            throw ApiException.conflict("This is the last active admin key; create another admin key before revoking it.");
        }
        key.revoke(Instant.now());
        audit.record(actor, "revoke", "api_key", id.toString());
    }

    /** Registers a configured key as admin unless its hash is already known. @return true if inserted */
    @Transactional
    boolean ensureAdminKey(String secret) {
        Optional<ApiKeyEntity> existing = repository.findByKeyHash(hash(secret));
        if (existing.isPresent()) {
            return false;
        }
        insert(ADMIN, ADMIN, secret);
        audit.record("system", "bootstrap", "api_key", null);
        return true;
    }

    @Transactional(readOnly = true)
    boolean hasActiveAdmin() {
        return repository.countByRoleAndRevokedAtIsNull(ADMIN) > 0;
    }

    @Transactional
    Issued bootstrapGenerated() {
        Issued issued = insert(ADMIN, ADMIN, generate());
        audit.record("system", "bootstrap", "api_key", issued.key().id().toString());
        return issued;
    }

    Optional<ApiKeyEntity> findActiveByHash(String secret) {
        return repository.findByKeyHash(hash(secret)).filter(k -> !k.isRevoked());
    }

    private Issued insert(String name, String role, String secret) {
        String prefix = secret.substring(0, Math.min(8, secret.length()));
        ApiKeyEntity entity = new ApiKeyEntity(UUID.randomUUID(), name, role, hash(secret), prefix, Instant.now());
        return new Issued(repository.save(entity), secret);
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
