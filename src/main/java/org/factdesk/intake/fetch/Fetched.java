package org.factdesk.intake.fetch;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A response, as received: after redirects, with its headers and the exact bytes of its body.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl the URL that answered, after redirects
 * @param contentType the declared media type, lower case, without parameters; empty when none was declared
 * @param charset the declared charset, if any
 * @param headers the final response's headers, names in lower case
 * @param body the body's bytes; empty for a 304
 * @param sha256 the body's SHA-256, lower-case hex
 */
public record Fetched(
        String requestedUrl,
        String finalUrl,
        int status,
        String contentType,
        @Nullable String charset,
        Map<String, List<String>> headers,
        byte[] body,
        String sha256,
        Instant fetchedAt) {

    public Fetched {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The server answered a conditional request with 304: nothing changed since the ETag or date sent. */
    public boolean notModified() {
        return status == 304;
    }

    /** The first value of a header, or null. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
