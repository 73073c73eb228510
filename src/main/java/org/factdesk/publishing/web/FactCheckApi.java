package org.factdesk.publishing.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.factdesk.cases.Rating;
import org.factdesk.network.CurrentUser;
import org.factdesk.publishing.Article;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.FactCheckId;
import org.factdesk.publishing.FactCheckState;
import org.factdesk.publishing.Proposal;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.publishing.PublishingManagement.Suggestion;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fact-checks over HTTP: draft from a published case (missing words are taken from the case, as the desk's form
 * suggests them), publish, propose and approve corrections and withdrawals. Refusals are RFC 9457 problems from the
 * shared advice: publishing from a case whose verdict is not approved is a 409 with
 * {@code code = publishing.error.case-not-approved}.
 */
@RestController
@RequestMapping("/api/v1/fact-checks")
class FactCheckApi {

    private final PublishingManagement publishing;

    FactCheckApi(PublishingManagement publishing) {
        this.publishing = publishing;
    }

    record DraftRequest(
            UUID caseId,
            @Nullable Language language,
            @Nullable String headline,
            @Nullable String claim,
            @Nullable String summary,
            @Nullable String body,
            @Nullable String slug) {}

    record CorrectionRequest(
            @Nullable String headline,
            @Nullable String claim,
            @Nullable String summary,
            @Nullable String body,
            @Nullable String what,
            @Nullable String why) {}

    record WithdrawalRequest(@Nullable String reason) {}

    record CorrectionJson(String what, String why, Instant at) {}

    record FactCheckJson(
            UUID id,
            UUID caseId,
            String slug,
            String url,
            Language language,
            FactCheckState state,
            String headline,
            String claim,
            Rating rating,
            String summary,
            String body,
            List<String> topics,
            @Nullable Instant publishedAt,
            Instant updatedAt,
            List<CorrectionJson> corrections,
            @Nullable String withdrawnReason,
            Proposal.@Nullable Kind pendingProposal) {}

    @PostMapping
    ResponseEntity<FactCheckJson> draft(@AuthenticationPrincipal CurrentUser user, @RequestBody DraftRequest request) {
        CaseId caseId = new CaseId(request.caseId());
        Language language = request.language() == null ? Language.VI : request.language();
        Suggestion suggestion = publishing.suggest(user, caseId, language);
        Article suggested = suggestion.article();
        Article article = new Article(
                or(request.headline(), suggested.headline()),
                or(request.claim(), suggested.claim()),
                or(request.summary(), suggested.summary()),
                or(request.body(), suggested.body()));
        FactCheck factCheck = publishing.draft(user, caseId, language, article, request.slug());
        return ResponseEntity.created(URI.create("/api/v1/fact-checks/" + factCheck.id()))
                .body(json(factCheck));
    }

    @GetMapping("/{id}")
    FactCheckJson get(@AuthenticationPrincipal CurrentUser user, @PathVariable FactCheckId id) {
        return json(publishing.get(user, id));
    }

    @PostMapping("/{id}/publish")
    FactCheckJson publish(@AuthenticationPrincipal CurrentUser user, @PathVariable FactCheckId id) {
        return json(publishing.publish(user, id));
    }

    @PostMapping("/{id}/corrections")
    FactCheckJson correct(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            @RequestBody CorrectionRequest request) {
        Article current = publishing.get(user, id).article();
        Article revised = new Article(
                or(request.headline(), current.headline()),
                or(request.claim(), current.claim()),
                or(request.summary(), current.summary()),
                or(request.body(), current.body()));
        return json(publishing.proposeCorrection(
                user,
                id,
                revised,
                request.what() == null ? "" : request.what(),
                request.why() == null ? "" : request.why()));
    }

    @PostMapping("/{id}/withdrawal")
    FactCheckJson withdraw(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            @RequestBody WithdrawalRequest request) {
        return json(publishing.proposeWithdrawal(user, id, request.reason() == null ? "" : request.reason()));
    }

    @PostMapping("/{id}/proposal/approve")
    FactCheckJson approve(@AuthenticationPrincipal CurrentUser user, @PathVariable FactCheckId id) {
        return json(publishing.approveProposal(user, id));
    }

    private FactCheckJson json(FactCheck factCheck) {
        Article article = factCheck.article();
        return new FactCheckJson(
                factCheck.id().value(),
                factCheck.caseId().value(),
                factCheck.slug(),
                publishing.url(factCheck),
                factCheck.language(),
                factCheck.state(),
                article.headline(),
                article.claim(),
                factCheck.rating(),
                article.summary(),
                article.body(),
                factCheck.topics(),
                factCheck.publishedAt(),
                factCheck.updatedAt(),
                factCheck.corrections().stream()
                        .map(correction -> new CorrectionJson(correction.what(), correction.why(), correction.at()))
                        .toList(),
                factCheck.withdrawal() == null ? null : factCheck.withdrawal().reason(),
                factCheck.proposal() == null ? null : factCheck.proposal().kind());
    }

    private static String or(@Nullable String given, String fallback) {
        return given == null ? fallback : given;
    }
}
