package io.widrow.security.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_keys")
class ApiKeyEntity {
    @Id
    private UUID id;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(nullable = false, length = 16)
    private String role;
    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;
    @Column(name = "key_prefix", nullable = false, length = 16)
    private String keyPrefix;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyEntity() {
    }

    ApiKeyEntity(UUID id, String name, String role, String keyHash, String keyPrefix, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.createdAt = createdAt;
    }

    UUID id() { return id; }
    String name() { return name; }
    String role() { return role; }
    String keyPrefix() { return keyPrefix; }
    Instant createdAt() { return createdAt; }
    Instant revokedAt() { return revokedAt; }
    boolean isAdmin() { return ApiKeyService.ADMIN.equals(role); }
    boolean isRevoked() { return revokedAt != null; }

    void revoke(Instant at) {
        this.revokedAt = at;
    }
}
