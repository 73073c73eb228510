package org.factdesk.intake;

import java.time.Instant;
import java.util.UUID;
import org.factdesk.shared.ItemId;

/**
 * A file that arrived with an item (a photo sent to the tipline), kept as evidence: stored once under the data
 * directory, named by its SHA-256, so that the stored bytes can be checked against the recorded hash.
 */
public record ItemAttachment(
        UUID id, ItemId item, String sha256, String mediaType, long sizeBytes, Instant receivedAt) {}
