package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.cases.Rating;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Another organisation's fact-check was imported, or a re-import changed it ({@code update} tells which): matching
 * adds or replaces it in the claim index under {@code id}. Not raised when a re-import finds it unchanged.
 */
public record ExternalFactCheckImported(
        ExternalFactCheckId id,
        String url,
        String organisation,
        String claim,
        Rating rating,
        @Nullable String ratingText,
        Language language,
        @Nullable Instant publishedAt,
        boolean update) {}
