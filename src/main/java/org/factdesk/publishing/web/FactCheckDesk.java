package org.factdesk.publishing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.publishing.Article;
import org.factdesk.publishing.Correction;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.FactCheckId;
import org.factdesk.publishing.FactCheckState;
import org.factdesk.publishing.Proposal;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.publishing.PublishingManagement.Suggestion;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.Language;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's fact-check screens: from a published case, write a draft per language; on a fact-check's screen, edit
 * the draft, preview the public page, publish (a second editor), propose a correction or a withdrawal and approve it
 * (again a second editor). Actions post and redirect back (Post/Redirect/Get); a refusal shows as a readable sentence
 * with the form as it was sent.
 */
@Controller
class FactCheckDesk {

    static final String CASE_VIEW = "publishing/case-fact-checks";
    static final String DESK_VIEW = "publishing/desk";
    static final String LIST_VIEW = "publishing/desk-list";

    private final PublishingManagement publishing;
    private final CaseManagement cases;
    private final NetworkManagement network;
    private final PublicPages pages;
    private final MessageSource messages;

    FactCheckDesk(
            PublishingManagement publishing,
            CaseManagement cases,
            NetworkManagement network,
            PublicPages pages,
            MessageSource messages) {
        this.publishing = publishing;
        this.cases = cases;
        this.network = network;
        this.pages = pages;
        this.messages = messages;
    }

    /** A draft or a correction as typed in the form. */
    record ArticleForm(
            @Nullable String language,
            @Nullable String headline,
            @Nullable String claim,
            @Nullable String summary,
            @Nullable String body,
            @Nullable String slug,
            @Nullable String what,
            @Nullable String why) {

        static ArticleForm of(Article article, String slug, Language language) {
            return new ArticleForm(
                    language.code(),
                    article.headline(),
                    article.claim(),
                    article.summary(),
                    article.body(),
                    slug,
                    null,
                    null);
        }

        Article article() {
            return new Article(text(headline), text(claim), text(summary), text(body));
        }

        private static String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    /** A withdrawal's reason. */
    record WithdrawalForm(@Nullable String reason) {}

    @GetMapping("/publishing")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("factChecks", publishing.ofMyUnits(user, 100));
        return LIST_VIEW;
    }

    // --- a case's fact-checks and the draft form ---

    @GetMapping("/publishing/cases/{caseId}")
    String caseFactChecks(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId caseId,
            @RequestParam(required = false) @Nullable Language language,
            Model model) {
        Case kase = cases.get(user, caseId);
        Language chosen = language != null
                ? language
                : kase.claims().isEmpty() ? Language.VI : kase.claims().get(0).language();
        Suggestion suggestion = publishing.suggest(user, caseId, chosen);
        model.addAttribute("draftForm", ArticleForm.of(suggestion.article(), suggestion.slug(), chosen));
        return caseView(user, kase, model);
    }

    @PostMapping("/publishing/cases/{caseId}")
    String draft(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId caseId,
            @ModelAttribute("draftForm") ArticleForm form,
            Model model,
            RedirectAttributes flash) {
        try {
            Language language = Language.fromCode(form.language() == null ? "vi" : form.language());
            FactCheck factCheck = publishing.draft(user, caseId, language, form.article(), form.slug());
            flash.addFlashAttribute("success", "publishing.flash.drafted");
            return "redirect:/publishing/fact-checks/" + factCheck.id();
        } catch (DomainException refused) {
            model.addAttribute("refusal", refusal(refused));
            return caseView(user, cases.get(user, caseId), model);
        } catch (IllegalArgumentException unknownLanguage) {
            model.addAttribute("refusal", message("publishing.error.filter-language", form.language()));
            return caseView(user, cases.get(user, caseId), model);
        }
    }

    private String caseView(CurrentUser user, Case kase, Model model) {
        var existing = publishing.ofCase(user, kase.id());
        Set<Language> taken = new HashSet<>();
        existing.forEach(summary -> taken.add(summary.language()));
        model.addAttribute("kase", kase);
        model.addAttribute("factChecks", existing);
        model.addAttribute("languages", Language.values());
        model.addAttribute("takenLanguages", taken);
        model.addAttribute(
                "canDraft", user.hasRole(kase.unit(), Role.CHECKER) && taken.size() < Language.values().length);
        return CASE_VIEW;
    }

    // --- one fact-check ---

    @GetMapping("/publishing/fact-checks/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable FactCheckId id, Model model) {
        FactCheck factCheck = publishing.get(user, id);
        return deskView(user, factCheck, model, null, null);
    }

    @GetMapping("/publishing/fact-checks/{id}/preview")
    String preview(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            HttpServletRequest request,
            Model model) {
        FactCheck factCheck = publishing.get(user, id);
        Proposal proposal = factCheck.proposal();
        Article article = proposal != null && proposal.revised() != null ? proposal.revised() : factCheck.article();
        return pages.factCheck(request, model, factCheck, article, publishing.publisherName(factCheck), true);
    }

    @PostMapping("/publishing/fact-checks/{id}")
    String edit(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            @ModelAttribute("articleForm") ArticleForm form,
            Model model,
            RedirectAttributes flash) {
        return act(
                user,
                id,
                model,
                flash,
                form,
                null,
                "publishing.flash.saved",
                () -> publishing.edit(user, id, form.article(), form.slug() == null ? "" : form.slug()));
    }

    @PostMapping("/publishing/fact-checks/{id}/publish")
    String publish(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            Model model,
            RedirectAttributes flash) {
        return act(
                user, id, model, flash, null, null, "publishing.flash.published", () -> publishing.publish(user, id));
    }

    @PostMapping("/publishing/fact-checks/{id}/corrections")
    String proposeCorrection(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            @ModelAttribute("correctionForm") ArticleForm form,
            Model model,
            RedirectAttributes flash) {
        return act(
                user,
                id,
                model,
                flash,
                null,
                form,
                "publishing.flash.correction-proposed",
                () -> publishing.proposeCorrection(user, id, form.article(), text(form.what()), text(form.why())));
    }

    @PostMapping("/publishing/fact-checks/{id}/withdrawal")
    String proposeWithdrawal(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            @ModelAttribute WithdrawalForm form,
            Model model,
            RedirectAttributes flash) {
        return act(
                user,
                id,
                model,
                flash,
                null,
                null,
                "publishing.flash.withdrawal-proposed",
                () -> publishing.proposeWithdrawal(user, id, text(form.reason())));
    }

    @PostMapping("/publishing/fact-checks/{id}/proposal/approve")
    String approve(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            Model model,
            RedirectAttributes flash) {
        return act(
                user,
                id,
                model,
                flash,
                null,
                null,
                "publishing.flash.approved",
                () -> publishing.approveProposal(user, id));
    }

    @PostMapping("/publishing/fact-checks/{id}/proposal/discard")
    String discard(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable FactCheckId id,
            Model model,
            RedirectAttributes flash) {
        return act(
                user,
                id,
                model,
                flash,
                null,
                null,
                "publishing.flash.discarded",
                () -> publishing.discardProposal(user, id));
    }

    private String act(
            CurrentUser user,
            FactCheckId id,
            Model model,
            RedirectAttributes flash,
            @Nullable ArticleForm articleForm,
            @Nullable ArticleForm correctionForm,
            String success,
            Supplier<FactCheck> action) {
        try {
            action.get();
            flash.addFlashAttribute("success", success);
            return "redirect:/publishing/fact-checks/" + id;
        } catch (DomainException refused) {
            model.addAttribute("refusal", refusal(refused));
            return deskView(user, publishing.get(user, id), model, articleForm, correctionForm);
        }
    }

    private String deskView(
            CurrentUser user,
            FactCheck factCheck,
            Model model,
            @Nullable ArticleForm articleForm,
            @Nullable ArticleForm correctionForm) {
        boolean canCheck = user.hasRole(factCheck.unit(), Role.CHECKER);
        boolean canEdit = user.hasRole(factCheck.unit(), Role.EDITOR);
        boolean draft = factCheck.state() == FactCheckState.DRAFT;
        boolean published = factCheck.state() == FactCheckState.PUBLISHED;
        Proposal proposal = factCheck.proposal();
        boolean author = user.id().equals(factCheck.draftedBy()) || user.id().equals(factCheck.editedBy());
        ArticleForm current = ArticleForm.of(factCheck.article(), factCheck.slug(), factCheck.language());
        model.addAttribute("factCheck", factCheck);
        model.addAttribute("articleForm", articleForm != null ? articleForm : current);
        model.addAttribute("correctionForm", correctionForm != null ? correctionForm : current);
        model.addAttribute("publicUrl", publishing.url(factCheck));
        model.addAttribute("canEditDraft", canCheck && draft);
        model.addAttribute("canPublish", canEdit && draft && !author);
        model.addAttribute("isAuthor", author);
        model.addAttribute("canPropose", canCheck && published && proposal == null);
        model.addAttribute(
                "canApprove",
                canEdit
                        && published
                        && proposal != null
                        && !proposal.proposedBy().equals(user.id()));
        model.addAttribute(
                "canDiscard",
                proposal != null && (canEdit || proposal.proposedBy().equals(user.id())));
        model.addAttribute(
                "isProposer", proposal != null && proposal.proposedBy().equals(user.id()));
        model.addAttribute("names", names(factCheck));
        return DESK_VIEW;
    }

    private Map<UserId, String> names(FactCheck factCheck) {
        Set<UserId> people = new HashSet<>();
        people.add(factCheck.draftedBy());
        people.add(factCheck.editedBy());
        if (factCheck.publishedBy() != null) {
            people.add(factCheck.publishedBy());
        }
        if (factCheck.proposal() != null) {
            people.add(factCheck.proposal().proposedBy());
        }
        if (factCheck.withdrawal() != null) {
            people.add(factCheck.withdrawal().by());
        }
        for (Correction correction : factCheck.corrections()) {
            people.add(correction.proposedBy());
            people.add(correction.approvedBy());
        }
        return network.displayNames(people);
    }

    private String refusal(DomainException refused) {
        return messages.getMessage(
                refused.messageKey(), refused.arguments(), refused.messageKey(), LocaleContextHolder.getLocale());
    }

    private String message(String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
