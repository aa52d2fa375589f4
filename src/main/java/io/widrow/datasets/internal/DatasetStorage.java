package io.widrow.datasets.internal;

import io.widrow.system.StorageMeter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Dataset bytes per owner for the storage quota: the stored binary form, as recorded at upload. */
@Component
class DatasetStorage implements StorageMeter {
    private final JdbcClient jdbc;

    DatasetStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long bytesOwnedBy(String ownerId) {
        return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM datasets WHERE owner_id = ?").param(ownerId)
                .query(Long.class).single();
    }
}
