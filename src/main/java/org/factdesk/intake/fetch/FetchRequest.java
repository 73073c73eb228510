package org.factdesk.intake.fetch;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to fetch.
 *
 * @param acceptedTypes media types the caller can use ({@code text/html}, {@code image/*}, ...); a response of another
 *     type is refused. Empty accepts any type.
 * @param ifNoneMatch an ETag from an earlier response, sent as {@code If-None-Match}
 * @param ifModifiedSince a {@code Last-Modified} value from an earlier response, sent as {@code If-Modified-Since}
 */
public record FetchRequest(
        String url,
        List<String> acceptedTypes,
        @Nullable String ifNoneMatch,
        @Nullable String ifModifiedSince) {

    public FetchRequest {
        acceptedTypes = List.copyOf(acceptedTypes);
    }

    public static FetchRequest of(String url, String... acceptedTypes) {
        return new FetchRequest(url, List.of(acceptedTypes), null, null);
    }

    /** The same request, made conditional on what an earlier response said (either may be empty). */
    public FetchRequest conditional(@Nullable String etag, @Nullable String lastModified) {
        return new FetchRequest(url, acceptedTypes, etag, lastModified);
    }

    boolean accepts(String contentType) {
        if (acceptedTypes.isEmpty()) {
            return true;
        }
        for (String accepted : acceptedTypes) {
            String pattern = accepted.toLowerCase(java.util.Locale.ROOT);
            if (pattern.equals(contentType)
                    || pattern.equals("*/*")
                    || (pattern.endsWith("/*") && contentType.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
