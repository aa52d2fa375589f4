package io.widrow.system.internal;

import java.sql.Timestamp;
import java.time.Instant;

import io.widrow.system.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcAuditLog implements AuditLog {
    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String actor, String action, String resourceType, String resourceId) {
        jdbc.sql("INSERT INTO audit_log (actor, action, resource_type, resource_id, at) VALUES (?, ?, ?, ?, ?)")
                .params(actor, action, resourceType, resourceId, Timestamp.from(Instant.now()))
                .update();
    }
}
