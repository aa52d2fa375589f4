package io.widrow.security.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.widrow.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "API keys", description = "Admin-only management of API keys")
class ApiKeyController {
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    record CreateKeyRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may only contain letters, digits and . _ @ -")
            String name,
            @NotNull @Pattern(regexp = "admin|user", message = "must be admin or user") String role) {
    }

    record KeyView(UUID id, String name, String role, String prefix, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKeyEntity e) {
            return new KeyView(e.id(), e.name(), e.role(), e.keyPrefix(), e.createdAt(), e.revokedAt());
        }
    }

    /** The only response that ever contains the secret. */
    record CreatedKey(UUID id, String name, String role, String prefix, Instant createdAt, String key) {
    }

    @PostMapping
    @Operation(summary = "Create an API key; the key is shown only in this response")
    ResponseEntity<CreatedKey> create(@Valid @RequestBody CreateKeyRequest request, @AuthenticationPrincipal Caller caller) {
        ApiKeyService.Issued issued = keys.create(request.name(), request.role(), caller.ownerId());
        ApiKeyEntity e = issued.key();
        return ResponseEntity.created(URI.create("/api/v1/keys/" + e.id()))
                .body(new CreatedKey(e.id(), e.name(), e.role(), e.keyPrefix(), e.createdAt(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "List API keys (without secrets)")
    List<KeyView> list() {
        return keys.list().stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        keys.revoke(id, caller.ownerId());
        return ResponseEntity.noContent().build();
    }
}
