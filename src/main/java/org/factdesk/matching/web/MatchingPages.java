package org.factdesk.matching.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.factdesk.cases.ClaimId;
import org.factdesk.cases.Rating;
import org.factdesk.matching.ClaimQuery;
import org.factdesk.matching.DeskMatch;
import org.factdesk.matching.ExternalMatch;
import org.factdesk.matching.FoundClaims;
import org.factdesk.matching.MatchReport;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.matching.MatchingProperties;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Check a text", the claim search, and the "Already checked" panels that item and case pages load over htmx (a case
 * panel asked for without htmx comes as a page of its own, the fallback of the case page's link).
 */
@Controller
class MatchingPages {

    static final String CHECK_VIEW = "matching/check";
    static final String ITEM_MATCHES_FRAGMENT = "matching/item-matches :: panel";
    static final String CLAIMS_VIEW = "matching/claims";
    static final String CASE_MATCHES_VIEW = "matching/case-matches";
    static final String CASE_MATCHES_FRAGMENT = "matching/case-matches :: panel";
    static final int PAGE_LIMIT = 10;
    static final int CLAIMS_PAGE_SIZE = 20;

    private final MatchingManagement matching;
    private final MatchingProperties properties;

    MatchingPages(MatchingManagement matching, MatchingProperties properties) {
        this.matching = matching;
        this.properties = properties;
    }

    /** A match with its claim split into highlighted segments. */
    record Shown(DeskMatch match, List<Highlights.Segment> segments) {

        static Shown of(DeskMatch match) {
            return new Shown(match, Highlights.mark(match.claim(), match.highlights()));
        }
    }

    /** Another organisation's fact-check with its claim split into highlighted segments. */
    record ShownExternal(ExternalMatch match, List<Highlights.Segment> segments) {

        static ShownExternal of(ExternalMatch match) {
            return new ShownExternal(match, Highlights.mark(match.claim(), match.highlights()));
        }
    }

    @GetMapping("/matching/check")
    String check(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String text, Model model) {
        if (text == null) {
            model.addAttribute("text", "");
            return CHECK_VIEW;
        }
        return checked(user, text, model);
    }

    @PostMapping("/matching/check")
    String checked(
            @AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String text, Model model) {
        model.addAttribute("text", text);
        try {
            MatchReport report = matching.match(user, text, PAGE_LIMIT);
            model.addAttribute(
                    "results", report.matches().stream().map(Shown::of).toList());
            model.addAttribute(
                    "external",
                    report.external().stream().map(ShownExternal::of).toList());
            model.addAttribute("truncated", report.truncated());
        } catch (DomainException refused) {
            model.addAttribute("refusal", refused.messageKey());
        }
        return CHECK_VIEW;
    }

    @GetMapping("/matching/items/{id}")
    String itemMatches(@PathVariable ItemId id, Model model) {
        model.addAttribute("itemId", id);
        model.addAttribute("matches", matching.matchesOf(id));
        return ITEM_MATCHES_FRAGMENT;
    }

    @GetMapping("/matching/claims")
    String claims(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Rating rating,
            @RequestParam(required = false) @Nullable Language language,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ClaimQuery query = new ClaimQuery(q, rating, language);
        FoundClaims found = matching.searchClaims(
                user, query, Math.min(Math.max(page, 0), MatchingManagement.MAX_PAGE), CLAIMS_PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("claims", found.claims().map(Shown::of));
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("pagerQuery", pagerQuery(query));
        model.addAttribute("maxQueryLength", properties.maxQueryLength());
        return CLAIMS_VIEW;
    }

    @GetMapping("/matching/cases/{id}")
    String caseMatches(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("caseMatches", matching.caseMatches(user, id));
        return request.getHeader("HX-Request") != null ? CASE_MATCHES_FRAGMENT : CASE_MATCHES_VIEW;
    }

    /**
     * One click on a match of an item, from the item page or, with {@code case}, from the case page: htmx gets the
     * panel it came from back, a plain form post goes back to that page.
     */
    @PostMapping("/matching/items/{id}/decisions")
    String decide(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable ItemId id,
            @RequestParam ClaimId claim,
            @RequestParam boolean confirmed,
            @RequestParam(name = "case", required = false) @Nullable CaseId caseId,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        matching.decide(user, id, claim, confirmed);
        boolean htmx = request.getHeader("HX-Request") != null;
        if (htmx && caseId != null) {
            model.addAttribute("caseMatches", matching.caseMatches(user, caseId));
            return CASE_MATCHES_FRAGMENT;
        }
        if (htmx) {
            return itemMatches(id, model);
        }
        flash.addFlashAttribute("success", confirmed ? "matching.confirmed" : "matching.rejected");
        return caseId != null ? "redirect:/cases/" + caseId : "redirect:/items/" + id;
    }

    private static String pagerQuery(ClaimQuery query) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        if (query.ranked()) {
            builder.queryParam("q", query.text());
        }
        if (query.rating() != null) {
            builder.queryParam("rating", query.rating());
        }
        if (query.language() != null) {
            builder.queryParam("language", query.language().code());
        }
        String built = builder.encode().build().getQuery();
        return built == null ? "" : built;
    }
}
