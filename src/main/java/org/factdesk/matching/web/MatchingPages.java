package org.factdesk.matching.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.factdesk.cases.ClaimId;
import org.factdesk.matching.DeskMatch;
import org.factdesk.matching.MatchReport;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Check a text", and the "Already checked" panel that item pages load. */
@Controller
class MatchingPages {

    static final String CHECK_VIEW = "matching/check";
    static final String ITEM_MATCHES_FRAGMENT = "matching/item-matches :: panel";
    static final int PAGE_LIMIT = 10;

    private final MatchingManagement matching;

    MatchingPages(MatchingManagement matching) {
        this.matching = matching;
    }

    /** A match with its claim split into highlighted segments. */
    record Shown(DeskMatch match, List<Highlights.Segment> segments) {

        static Shown of(DeskMatch match) {
            return new Shown(match, Highlights.mark(match.claim(), match.highlights()));
        }
    }

    @GetMapping("/matching/check")
    String check(@RequestParam(required = false) String text, Model model) {
        if (text == null) {
            model.addAttribute("text", "");
            return CHECK_VIEW;
        }
        return checked(text, model);
    }

    @PostMapping("/matching/check")
    String checked(@RequestParam(defaultValue = "") String text, Model model) {
        model.addAttribute("text", text);
        try {
            MatchReport report = matching.match(text, PAGE_LIMIT);
            model.addAttribute(
                    "results", report.matches().stream().map(Shown::of).toList());
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

    @PostMapping("/matching/items/{id}/decisions")
    String decide(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable ItemId id,
            @RequestParam ClaimId claim,
            @RequestParam boolean confirmed,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        matching.decide(user, id, claim, confirmed);
        if (request.getHeader("HX-Request") != null) {
            return itemMatches(id, model);
        }
        flash.addFlashAttribute("success", confirmed ? "matching.confirmed" : "matching.rejected");
        return "redirect:/items/" + id;
    }
}
