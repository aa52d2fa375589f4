package io.widrow.models.internal;

import io.widrow.system.StorageMeter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Model bytes per owner for the storage quota: the size of each stored weights document. */
@Component
class ModelStorage implements StorageMeter {
    private final JdbcClient jdbc;

    ModelStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long bytesOwnedBy(String ownerId) {
        return jdbc.sql("SELECT COALESCE(SUM(weights_bytes), 0) FROM models WHERE owner_id = ?").param(ownerId)
                .query(Long.class).single();
    }
}
