package org.factdesk.matching.engine;

import java.time.Instant;
import java.util.Objects;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/** A fact-checked claim as the index holds it. {@code text} is the claim; {@code title} the fact-check headline. */
public record ClaimDoc(
        String id,
        String text,
        @Nullable String title,
        @Nullable Language language,
        @Nullable String rating,
        @Nullable Instant published,
        @Nullable String url) {

    public ClaimDoc {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A claim needs an id");
        }
    }

    public static ClaimDoc of(String id, String text, @Nullable String title) {
        return new ClaimDoc(id, text, title, null, null, null, null);
    }
}
