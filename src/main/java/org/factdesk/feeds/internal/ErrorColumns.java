package org.factdesk.feeds.internal;

import java.util.List;
import org.factdesk.feeds.FeedError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link FeedError} as two columns: its message key, and its values as a JSON array of texts. A feed's last error
 * ({@code feeds_feed}) and a refused entry's reason ({@code feeds_entry}) are stored this way.
 */
final class ErrorColumns {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private ErrorColumns() {}

    /** The values column of {@code error}; null without an error. */
    static @Nullable String values(JsonMapper json, @Nullable FeedError error) {
        return error == null ? null : json.writeValueAsString(error.arguments());
    }

    /** The error stored as {@code key} and {@code values}; {@code whenNoValues} stands for a null values column. */
    static @Nullable FeedError read(
            JsonMapper json, @Nullable String key, @Nullable String values, List<String> whenNoValues) {
        if (key == null) {
            return null;
        }
        return new FeedError(key, values == null ? whenNoValues : json.readValue(values, STRINGS));
    }
}
