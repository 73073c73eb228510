package org.factdesk.matching;

import java.time.Instant;
import java.util.List;
import org.factdesk.cases.Rating;
import org.factdesk.matching.engine.Band;
import org.factdesk.publishing.ExternalFactCheckId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Another organisation's fact-check (imported from its ClaimReview markup) that a text repeats: its claim, the
 * organisation and its page, the rating on our scale with the original rating text, and how sure the match is.
 */
public record ExternalMatch(
        ExternalFactCheckId id,
        String url,
        String organisation,
        String claim,
        Language language,
        Rating rating,
        @Nullable String ratingText,
        @Nullable Instant publishedAt,
        double score,
        Band band,
        List<String> highlights) {

    public ExternalMatch {
        highlights = List.copyOf(highlights);
    }
}
