package org.factdesk.matching.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.factdesk.cases.ClaimId;
import org.factdesk.cases.Rating;
import org.factdesk.matching.ClaimQuery;
import org.factdesk.matching.DeskMatch;
import org.factdesk.matching.ExternalMatch;
import org.factdesk.matching.FoundClaims;
import org.factdesk.matching.ItemMatch;
import org.factdesk.matching.MatchReport;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.matching.engine.Band;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Matching over HTTP: a text in, the checked claims it repeats out; the claim search; the matches of an item and
 * decisions on them.
 */
@RestController
@RequestMapping("/api/v1")
class MatchApi {

    private final MatchingManagement matching;

    MatchApi(MatchingManagement matching) {
        this.matching = matching;
    }

    record MatchRequest(
            @NotBlank(message = "{matching.error.text-required}")
            String text,

            @Nullable
            @Min(value = 1, message = "{matching.validation.limit}")
            @Max(value = MatchingManagement.MAX_LIMIT, message = "{matching.validation.limit}")
            Integer limit) {}

    /**
     * One match. For another organisation's imported fact-check, {@code claimId} is {@code external:<id>}, {@code
     * caseId} is null, {@code factCheckUrl} is its page, and {@code organisation} and {@code ratingText} (the rating
     * as that organisation wrote it) are set.
     */
    record MatchView(
            String claimId,
            @Nullable CaseId caseId,
            String claim,
            String language,
            double score,
            Band band,
            @Nullable String rating,
            @Nullable Instant publishedAt,
            @Nullable String factCheckUrl,
            List<String> highlights,
            @Nullable String organisation,
            @Nullable String ratingText) {

        static MatchView of(DeskMatch match) {
            return new MatchView(
                    match.claimId().toString(),
                    match.caseId(),
                    match.claim(),
                    match.language().code(),
                    rounded(match.score()),
                    match.band(),
                    match.rating() == null ? null : match.rating().name(),
                    match.publishedAt(),
                    match.factCheckUrl(),
                    match.highlights(),
                    null,
                    null);
        }

        static MatchView of(ExternalMatch match) {
            return new MatchView(
                    "external:" + match.id(),
                    null,
                    match.claim(),
                    match.language().code(),
                    rounded(match.score()),
                    match.band(),
                    match.rating().name(),
                    match.publishedAt(),
                    match.url(),
                    match.highlights(),
                    match.organisation(),
                    match.ratingText());
        }

        private static double rounded(double score) {
            return Math.round(score * 10_000) / 10_000.0;
        }
    }

    record MatchResponse(List<MatchView> matches, boolean truncated) {}

    record ItemMatchView(
            MatchView match,
            String decision,
            Instant matchedAt,
            @Nullable Instant decidedAt) {

        static ItemMatchView of(ItemMatch match) {
            return new ItemMatchView(
                    MatchView.of(match.match()), match.decision().name(), match.matchedAt(), match.decidedAt());
        }
    }

    record DecisionRequest(
            @NotNull(message = "{matching.error.confirmed-required}") @Nullable
            Boolean confirmed) {}

    /**
     * A claim found by the claim search. {@code score} and {@code band} only when the search had a text;
     * {@code rating}, {@code verdictSummary}, {@code publishedAt} and {@code factCheckUrl} once published.
     */
    record ClaimView(
            ClaimId claimId,
            CaseId caseId,
            String claim,
            String language,
            @Nullable String rating,
            @Nullable String verdictSummary,
            @Nullable Instant publishedAt,
            @Nullable String factCheckUrl,
            @Nullable Double score,
            @Nullable Band band,
            List<String> highlights) {

        static ClaimView of(DeskMatch match, boolean ranked) {
            return new ClaimView(
                    match.claimId(),
                    match.caseId(),
                    match.claim(),
                    match.language().code(),
                    match.rating() == null ? null : match.rating().name(),
                    match.verdictSummary(),
                    match.publishedAt(),
                    match.factCheckUrl(),
                    ranked ? Math.round(match.score() * 10_000) / 10_000.0 : null,
                    ranked ? match.band() : null,
                    match.highlights());
        }
    }

    /** One page of the claim search: {@code ranked} when there was a text, {@code truncated} when it was cut. */
    record ClaimsResponse(List<ClaimView> claims, boolean ranked, boolean truncated, int page, int limit, long total) {}

    /**
     * Searches the checked claims: with {@code q}, the claims that the text repeats, best first (the desk's analysis:
     * with or without diacritics, teencode, English); without, the latest published fact-checks. Published
     * fact-checks of the whole network and the claims being checked in the caller's units.
     */
    @GetMapping("/claims")
    ClaimsResponse claims(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Rating rating,
            @RequestParam(required = false) @Nullable Language language,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int page) {
        FoundClaims found = matching.searchClaims(user, new ClaimQuery(q, rating, language), page, limit);
        return new ClaimsResponse(
                found.claims().content().stream()
                        .map(match -> ClaimView.of(match, found.ranked()))
                        .toList(),
                found.ranked(),
                found.truncated(),
                found.claims().page(),
                found.claims().size(),
                found.claims().total());
    }

    @PostMapping("/match")
    MatchResponse match(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody MatchRequest request) {
        MatchReport report = matching.match(user, request.text(), request.limit() == null ? 10 : request.limit());
        List<MatchView> views = new java.util.ArrayList<>();
        report.matches().forEach(match -> views.add(MatchView.of(match)));
        report.external().forEach(match -> views.add(MatchView.of(match)));
        views.sort(java.util.Comparator.comparingDouble(MatchView::score).reversed());
        return new MatchResponse(views, report.truncated());
    }

    @GetMapping("/items/{id}/matches")
    List<ItemMatchView> itemMatches(@PathVariable ItemId id) {
        return matching.matchesOf(id).stream().map(ItemMatchView::of).toList();
    }

    @PostMapping("/items/{id}/matches/{claimId}")
    ItemMatchView decide(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable ItemId id,
            @PathVariable ClaimId claimId,
            @Valid @RequestBody DecisionRequest request) {
        return ItemMatchView.of(matching.decide(user, id, claimId, request.confirmed()));
    }
}
