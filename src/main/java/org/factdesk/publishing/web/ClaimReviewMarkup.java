package org.factdesk.publishing.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.factdesk.publishing.Appearance;
import org.factdesk.publishing.ClaimReviewScale;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.PublishingProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org {@code ClaimReview} of a fact-check as JSON-LD, ready to sit in a {@code <script
 * type="application/ld+json">}: every {@code <} is escaped so that no text can close the script element.
 */
@Component
class ClaimReviewMarkup {

    /** ClaimReview's {@code claimReviewed} is meant to be short. */
    static final int MAX_CLAIM_REVIEWED = 300;

    private final JsonMapper json;
    private final PublishingProperties properties;

    ClaimReviewMarkup(JsonMapper json, PublishingProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    String jsonLd(FactCheck factCheck, String ratingName, String publisher) {
        String url = properties.factCheckUrl(factCheck.slug());
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("@context", "https://schema.org");
        review.put("@type", "ClaimReview");
        review.put("url", url);
        review.put("headline", factCheck.article().headline());
        review.put("claimReviewed", shorten(factCheck.article().claim()));
        review.put("inLanguage", factCheck.language().code());
        review.put("datePublished", date(Objects.requireNonNullElse(factCheck.publishedAt(), factCheck.updatedAt())));
        if (!factCheck.corrections().isEmpty()) {
            review.put("dateModified", date(factCheck.updatedAt()));
        }
        review.put("image", properties.url("/share/" + factCheck.slug() + ".png"));
        review.put(
                "author",
                Map.of(
                        "@type",
                        "Organization",
                        "name",
                        publisher.isBlank() ? "FactDesk" : publisher,
                        "url",
                        properties.url("/fact-checks")));
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("@type", "Rating");
        rating.put("ratingValue", ClaimReviewScale.value(factCheck.rating()));
        rating.put("bestRating", ClaimReviewScale.BEST);
        rating.put("worstRating", ClaimReviewScale.WORST);
        rating.put("alternateName", ratingName);
        review.put("reviewRating", rating);
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("@type", "Claim");
        List<Map<String, Object>> appearances = factCheck.appearances().stream()
                .map(appearance -> Map.<String, Object>of("@type", "CreativeWork", "url", appearance.url()))
                .toList();
        if (!appearances.isEmpty()) {
            claim.put("appearance", appearances);
        }
        factCheck.appearances().stream()
                .map(Appearance::seenAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .ifPresent(first -> claim.put("datePublished", date(first)));
        review.put("itemReviewed", claim);
        return json.writeValueAsString(review).replace("<", "\\u003c");
    }

    private static String shorten(String claim) {
        String line = claim.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_CLAIM_REVIEWED ? line : line.substring(0, MAX_CLAIM_REVIEWED - 1) + "…";
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atOffset(ZoneOffset.UTC).withNano(0));
    }
}
