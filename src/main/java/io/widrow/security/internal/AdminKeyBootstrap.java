package io.widrow.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.widrow.system.WidrowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin can always get in: a configured {@code widrow.admin-key} is registered, otherwise a key is
 * generated once (when no admin exists), printed in one log line and written to {@code <data dir>/admin.key}.
 */
@Component
class AdminKeyBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeyService keys;
    private final WidrowProperties properties;

    AdminKeyBootstrap(ApiKeyService keys, WidrowProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String configured = properties.adminKey();
        if (configured != null && !configured.isBlank()) {
            if (keys.ensureAdminKey(configured.trim())) {
                log.info("Registered the admin key from widrow.admin-key");
            } else if (keys.findActiveByHash(configured.trim()).isEmpty()) {
                log.warn("The key in widrow.admin-key has been revoked; it will not authenticate");
            }
            return;
        }
        if (keys.hasActiveAdmin()) {
            return;
        }
        ApiKeyService.Issued issued = keys.bootstrapGenerated();
        Path dir = properties.dataDir();
        Files.createDirectories(dir);
        Path file = dir.resolve("admin.key");
        Files.writeString(file, issued.secret() + System.lineSeparator(), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Non-POSIX file systems keep their default permissions.
        }
        // The only place a key is ever logged: the operator needs it once to create the other keys.
        log.warn("Generated bootstrap admin API key (shown once, also written to {}): {}", file.toAbsolutePath(), issued.secret());
    }
}
