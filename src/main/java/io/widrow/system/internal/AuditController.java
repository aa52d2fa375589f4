package io.widrow.system.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the audit log; admin-only by the security chain's path rule, so this class needs no caller. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Admin-only: who created, deleted, cancelled, downloaded or revoked what")
class AuditController {
    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(long id, String actor, String action, String resourceType, String resourceId, Instant at) {
    }

    record Page(List<Entry> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first (page is 0-based); filter by actor, resourceType or resourceId")
    Page list(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
              @Parameter(description = "the key name that acted") @RequestParam(required = false) @Size(max = 100) String actor,
              @Parameter(description = "dataset, job, model or api_key") @RequestParam(required = false) @Size(max = 64) String resourceType,
              @RequestParam(required = false) @Size(max = 100) String resourceId) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        filter(where, args, "actor", actor);
        filter(where, args, "resource_type", resourceType);
        filter(where, args, "resource_id", resourceId);
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + clause).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) page * size);
        pageArgs.add(size);
        List<Entry> items = jdbc.sql("SELECT id, actor, action, resource_type, resource_id, at FROM audit_log" + clause
                        + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(pageArgs)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
        return new Page(items, page, size, total);
    }

    /** Column names are fixed here; only values come from the client, always as parameters. */
    private static void filter(List<String> where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.add(column + " = ?");
            args.add(value.trim());
        }
    }
}
