package org.factdesk.matching.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import org.factdesk.cases.ClaimId;
import org.factdesk.matching.DeskMatch;
import org.factdesk.matching.ItemMatch;
import org.factdesk.matching.MatchReport;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.matching.engine.Band;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Matching over HTTP: a text in, the checked claims it repeats out; the matches of an item and decisions on them. */
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

    record MatchView(
            ClaimId claimId,
            CaseId caseId,
            String claim,
            String language,
            double score,
            Band band,
            @Nullable String rating,
            @Nullable Instant publishedAt,
            @Nullable String factCheckUrl,
            List<String> highlights) {

        static MatchView of(DeskMatch match) {
            return new MatchView(
                    match.claimId(),
                    match.caseId(),
                    match.claim(),
                    match.language().code(),
                    Math.round(match.score() * 10_000) / 10_000.0,
                    match.band(),
                    match.rating() == null ? null : match.rating().name(),
                    match.publishedAt(),
                    match.factCheckUrl(),
                    match.highlights());
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

    record DecisionRequest(boolean confirmed) {}

    @PostMapping("/match")
    MatchResponse match(@Valid @RequestBody MatchRequest request) {
        MatchReport report = matching.match(request.text(), request.limit() == null ? 10 : request.limit());
        return new MatchResponse(report.matches().stream().map(MatchView::of).toList(), report.truncated());
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
            @RequestBody DecisionRequest request) {
        return ItemMatchView.of(matching.decide(user, id, claimId, request.confirmed()));
    }
}
