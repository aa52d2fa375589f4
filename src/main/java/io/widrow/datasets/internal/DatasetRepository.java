package io.widrow.datasets.internal;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetRepository extends JpaRepository<DatasetEntity, UUID> {
    Page<DatasetEntity> findByOwnerId(String ownerId, Pageable pageable);
}
