package org.factdesk.archive;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factdesk.shared.ItemId;

/**
 * One archived capture of an item's URL: the response exactly as it was received, kept so that evidence survives the
 * post's deletion. The bytes themselves are read with {@link ArchiveManagement#openContent(SnapshotId)}.
 *
 * @param requestedUrl the URL the desk asked for
 * @param finalUrl the URL that answered, after redirects
 * @param httpStatus the final response's status code
 * @param contentType the response's media type as the server declared it, without parameters
 * @param size the length of the response body in bytes (uncompressed)
 * @param sha256 the SHA-256 of the response body, lower-case hex; what {@code sha256sum} prints for the raw file
 * @param headers the final response's headers, names lower-case, in the order received
 */
public record Snapshot(
        SnapshotId id,
        ItemId item,
        String requestedUrl,
        String finalUrl,
        int httpStatus,
        String contentType,
        long size,
        String sha256,
        Instant capturedAt,
        Map<String, List<String>> headers) {

    public Snapshot {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A file name for the raw body: the hash, with an extension that suits the content type. */
    public String fileName() {
        String extension = switch (contentType) {
            case "text/html", "application/xhtml+xml" -> ".html";
            case "text/plain" -> ".txt";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "application/json", "application/ld+json" -> ".json";
            case "application/rss+xml", "application/atom+xml", "application/xml", "text/xml" -> ".xml";
            default -> ".bin";
        };
        return sha256 + extension;
    }
}
