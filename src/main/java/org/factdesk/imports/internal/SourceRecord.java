package org.factdesk.imports.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row read from a file: its fields by column name, or the problem that makes it unreadable; with the checkpoint
 * after it (the next line to read and the byte it starts at).
 */
record SourceRecord(
        long line,
        long nextLine,
        long nextOffset,
        @Nullable Map<String, @Nullable String> fields,
        @Nullable Problem problem) {

    /** Why a row is rejected; {@code reason} is a message key of the imports bundle, with its arguments. */
    record Problem(long line, @Nullable String column, String reason, List<String> arguments, String excerpt) {

        static final int EXCERPT = 80;

        static Problem of(long line, @Nullable String column, String reason, String excerpt, Object... arguments) {
            return new Problem(
                    line,
                    column,
                    reason,
                    java.util.Arrays.stream(arguments).map(String::valueOf).toList(),
                    excerpt(excerpt));
        }

        static String excerpt(String text) {
            String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
            return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
        }
    }
}
