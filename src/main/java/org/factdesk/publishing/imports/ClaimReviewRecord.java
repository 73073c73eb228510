package org.factdesk.publishing.imports;

import java.time.Instant;
import java.util.List;
import org.factdesk.cases.Rating;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/** One ClaimReview read from the input, checked and ready to store. */
public record ClaimReviewRecord(
        String url,
        String organisation,
        @Nullable String organisationUrl,
        String claim,
        Rating rating,
        @Nullable String ratingText,
        @Nullable Double ratingValue,
        @Nullable Double bestRating,
        @Nullable Double worstRating,
        Language language,
        @Nullable Instant publishedAt,
        List<String> appearances,
        @Nullable Instant firstAppearedAt) {

    public ClaimReviewRecord {
        appearances = List.copyOf(appearances);
    }
}
