package org.factdesk.publishing;

import java.time.Instant;
import java.util.List;
import org.factdesk.cases.Rating;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Another organisation's fact-check, as its ClaimReview markup describes it: never one of ours, and never shown as
 * one. The URL (canonical form) identifies it; the rating on our scale sits next to the original rating text and
 * numbers, which are kept as published.
 *
 * @param url the canonical address of the fact-check page
 * @param organisation the publishing organisation's name (the ClaimReview's {@code author})
 * @param claim the {@code claimReviewed}
 * @param rating the original rating mapped to our scale (see docs/publishing.md, Importing)
 * @param ratingText the original {@code alternateName} (or {@code name}) of the rating, when there was one
 * @param appearances where the claim was seen ({@code itemReviewed.appearance} / {@code firstAppearance} URLs)
 * @param firstAppearedAt when the claim was first seen ({@code itemReviewed.datePublished}), when known
 */
public record ExternalFactCheck(
        ExternalFactCheckId id,
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
        @Nullable Instant firstAppearedAt,
        Instant importedAt,
        Instant updatedAt) {

    public ExternalFactCheck {
        appearances = List.copyOf(appearances);
    }

    /** True when both describe the same review (everything but the id and the import times is equal). */
    public boolean sameContentAs(ExternalFactCheck other) {
        return url.equals(other.url)
                && organisation.equals(other.organisation)
                && java.util.Objects.equals(organisationUrl, other.organisationUrl)
                && claim.equals(other.claim)
                && rating == other.rating
                && java.util.Objects.equals(ratingText, other.ratingText)
                && java.util.Objects.equals(ratingValue, other.ratingValue)
                && java.util.Objects.equals(bestRating, other.bestRating)
                && java.util.Objects.equals(worstRating, other.worstRating)
                && language == other.language
                && java.util.Objects.equals(publishedAt, other.publishedAt)
                && appearances.equals(other.appearances)
                && java.util.Objects.equals(firstAppearedAt, other.firstAppearedAt);
    }
}
