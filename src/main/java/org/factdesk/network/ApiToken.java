package org.factdesk.network;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A personal API token as listed to its owner; the secret itself is shown once, at creation, and stored hashed. */
public record ApiToken(
        UUID id,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
