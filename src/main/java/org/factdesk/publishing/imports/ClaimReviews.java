package org.factdesk.publishing.imports;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.factdesk.cases.Rating;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one schema.org ClaimReview object into a {@link ClaimReviewRecord}: the required fields ({@code url},
 * {@code claimReviewed}, {@code reviewRating}, {@code author}) must be there, the URL must be http(s), and the rating
 * must map to our scale ({@link RatingMapping}); everything else is taken when present and well-formed, and left out
 * otherwise.
 */
final class ClaimReviews {

    static final int MAX_URL = 2000;
    static final int MAX_ORGANISATION = 300;
    static final int MAX_CLAIM = 2000;
    static final int MAX_RATING_TEXT = 200;
    static final int MAX_APPEARANCES = 20;

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "igshid", "mc_cid", "mc_eid");

    private ClaimReviews() {}

    /** True when the node says it is a ClaimReview ({@code @type} a string or a list naming it). */
    static boolean isClaimReview(JsonNode node) {
        return types(node).stream().anyMatch(type -> type.equals("ClaimReview") || type.endsWith("/ClaimReview"));
    }

    static List<String> types(JsonNode node) {
        JsonNode type = node.path("@type");
        if (type.isString()) {
            return List.of(type.asString());
        }
        if (type.isArray()) {
            return type.values().stream()
                    .filter(JsonNode::isString)
                    .map(JsonNode::asString)
                    .toList();
        }
        return List.of();
    }

    /**
     * The record described by {@code node}.
     *
     * @param pageUrl the page the markup came from (URL-list imports): the review's address when it names none
     */
    static ClaimReviewRecord read(JsonNode node, @Nullable String pageUrl) throws Refused {
        String givenUrl = text(node.path("url"));
        String rawUrl = givenUrl == null ? pageUrl : givenUrl;
        String claim = text(node.path("claimReviewed"));
        JsonNode rating = node.path("reviewRating");
        if (rating.isArray()) {
            rating = rating.path(0);
        }
        JsonNode author = first(node.path("author"));
        String organisation = author.isString() ? text(author) : text(author.path("name"));
        String organisationUrl = author.isObject() ? text(author.path("url")) : null;
        if (organisation == null && organisationUrl != null) {
            organisation = hostOf(organisationUrl);
        }
        List<String> missing = new ArrayList<>();
        if (rawUrl == null) {
            missing.add("url");
        }
        if (claim == null) {
            missing.add("claimReviewed");
        }
        if (!rating.isObject()) {
            missing.add("reviewRating");
        }
        if (organisation == null) {
            missing.add("author");
        }
        if (!missing.isEmpty()) {
            throw new Refused("missing-field", String.join(", ", missing));
        }
        String url = canonicalUrl(rawUrl).orElseThrow(() -> new Refused("bad-url", shorten(rawUrl)));
        String ratingText = text(rating.path("alternateName"));
        if (ratingText == null) {
            ratingText = text(rating.path("name"));
        }
        Double value = number(rating.path("ratingValue"));
        Double best = number(rating.path("bestRating"));
        Double worst = number(rating.path("worstRating"));
        String shownText = ratingText;
        Rating mapped = RatingMapping.of(ratingText, value, best, worst)
                .orElseThrow(() -> shownText == null
                        ? new Refused("no-rating")
                        : new Refused("unknown-rating", shorten(shownText)));
        requireLength("url", url, MAX_URL);
        requireLength("author", organisation, MAX_ORGANISATION);
        requireLength("claimReviewed", claim, MAX_CLAIM);
        if (ratingText != null) {
            requireLength("reviewRating.alternateName", ratingText, MAX_RATING_TEXT);
        }
        if (organisationUrl != null
                && (organisationUrl.length() > MAX_URL
                        || canonicalUrl(organisationUrl).isEmpty())) {
            organisationUrl = null;
        }
        Instant published = date(node.path("datePublished"));
        String publishedText = text(first(node.path("datePublished")));
        if (published == null && publishedText != null && !publishedText.isBlank()) {
            // A date that cannot be read is refused like any other bad field, not dropped without a word.
            throw new Refused("bad-date", "datePublished", shorten(publishedText));
        }
        JsonNode reviewed = first(node.path("itemReviewed"));
        Instant firstAppeared = date(reviewed.path("datePublished"));
        if (firstAppeared == null) {
            firstAppeared = date(first(reviewed.path("firstAppearance")).path("datePublished"));
        }
        return new ClaimReviewRecord(
                url,
                organisation,
                organisationUrl,
                claim,
                mapped,
                ratingText,
                value,
                best,
                worst,
                language(node.path("inLanguage"), claim),
                published,
                appearances(reviewed),
                firstAppeared);
    }

    /**
     * The canonical form of an http(s) address: scheme and host in lower case, no default port, no fragment, no
     * tracking parameters ({@code utm_*}, {@code fbclid}, ...), a path of at least a slash. Empty for anything else.
     */
    static Optional<String> canonicalUrl(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String query = uri.getRawQuery() == null
                    ? null
                    : java.util.Arrays.stream(uri.getRawQuery().split("&"))
                            .filter(part -> !part.isEmpty())
                            .filter(part -> {
                                String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
                                return !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name);
                            })
                            .collect(Collectors.joining("&"));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                    + path + (query == null || query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException exception) {
            return Optional.empty();
        }
    }

    private static List<String> appearances(JsonNode reviewed) {
        Set<String> urls = new LinkedHashSet<>();
        List<JsonNode> candidates = new ArrayList<>();
        for (String field : List.of("appearance", "firstAppearance")) {
            JsonNode value = reviewed.path(field);
            if (value.isArray()) {
                candidates.addAll(value.values());
            } else if (!value.isMissingNode()) {
                candidates.add(value);
            }
        }
        if (reviewed.isObject() && reviewed.has("url")) {
            candidates.add(reviewed.path("url"));
        }
        for (JsonNode candidate : candidates) {
            String text = candidate.isObject() ? text(candidate.path("url")) : text(candidate);
            canonicalUrl(text).filter(url -> url.length() <= MAX_URL).ifPresent(urls::add);
        }
        return urls.stream().limit(MAX_APPEARANCES).toList();
    }

    private static Language language(JsonNode inLanguage, String claim) {
        JsonNode node = first(inLanguage);
        List<String> names = new ArrayList<>();
        if (node.isString()) {
            names.add(node.asString());
        } else if (node.isObject()) {
            for (String field : List.of("alternateName", "name")) {
                String value = text(node.path(field));
                if (value != null) {
                    names.add(value);
                }
            }
        }
        for (String name : names) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            if (lower.equals("vi")
                    || lower.startsWith("vi-")
                    || lower.startsWith("vi_")
                    || lower.equals("vietnamese")
                    || lower.equals("tiếng việt")) {
                return Language.VI;
            }
            if (lower.equals("en") || lower.startsWith("en-") || lower.startsWith("en_") || lower.equals("english")) {
                return Language.EN;
            }
        }
        Language detected = Language.detect(claim);
        return detected == null ? Language.EN : detected;
    }

    /** Date or date-time; a date without time is midnight UTC, a date-time without offset is taken as UTC. */
    static @Nullable Instant date(JsonNode node) {
        Instant parsed = parseDate(node);
        return parsed == null ? null : parsed.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static @Nullable Instant parseDate(JsonNode node) {
        String text = text(first(node));
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private static JsonNode first(JsonNode node) {
        return node.isArray() ? node.path(0) : node;
    }

    private static @Nullable String text(JsonNode node) {
        if (node.isString() || node.isNumber()) {
            String text = node.asString().strip().replaceAll("\\s+", " ");
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static @Nullable Double number(JsonNode node) {
        if (node.isNumber()) {
            double value = node.asDouble();
            return Double.isFinite(value) ? value : null;
        }
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static void requireLength(String field, String value, int max) throws Refused {
        if (value.length() > max) {
            throw new Refused("too-long", field, String.valueOf(max));
        }
    }

    private static @Nullable String hostOf(String url) {
        return canonicalUrl(url).map(URI::create).map(URI::getHost).orElse(null);
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
