package io.widrow.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {
    Optional<ApiKeyEntity> findByKeyHash(String keyHash);

    List<ApiKeyEntity> findAllByOrderByCreatedAtDesc();

    long countByRoleAndRevokedAtIsNull(String role);
}
