package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.cases.Rating;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the public listing; every field is optional. {@code text} is matched without diacritics against the
 * headline, claim, summary and topics; {@code from} is inclusive and {@code to} exclusive on the publication time.
 */
public record PublicQuery(
        @Nullable String text,
        @Nullable Rating rating,
        @Nullable String topic,
        @Nullable Language language,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static PublicQuery all() {
        return new PublicQuery(null, null, null, null, null, null);
    }

    public static PublicQuery topic(String topic) {
        return new PublicQuery(null, null, topic, null, null, null);
    }
}
