package io.widrow.system;

/** Append-only record of who changed what; features call it inside their own transaction. */
public interface AuditLog {
    void record(String actor, String action, String resourceType, String resourceId);
}
