package org.factdesk.cases.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseAction;
import org.factdesk.cases.CaseExceptions.OtherUnitCase;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CaseQuery;
import org.factdesk.cases.CaseState;
import org.factdesk.cases.CaseSummary;
import org.factdesk.cases.CloseReason;
import org.factdesk.cases.EvidenceId;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.cases.Verdict;
import org.factdesk.cases.web.CaseForms.AssignForm;
import org.factdesk.cases.web.CaseForms.CloseForm;
import org.factdesk.cases.web.CaseForms.CommentForm;
import org.factdesk.cases.web.CaseForms.LinkForm;
import org.factdesk.cases.web.CaseForms.NoteForm;
import org.factdesk.cases.web.CaseForms.OpenCaseForm;
import org.factdesk.cases.web.CaseForms.SendBackForm;
import org.factdesk.cases.web.CaseForms.TriageForm;
import org.factdesk.cases.web.CaseForms.VerdictForm;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case list, the open-case form and the case page with its actions. Every action is a plain form post that
 * redirects back to the case page (Post/Redirect/Get) with a flash message; comments and evidence also answer htmx
 * requests with just their part of the page. A refused action comes back as a readable sentence in {@code refusal},
 * with the form as it was sent so that nothing typed is lost.
 */
@Controller
class CasePages {

    static final String LIST_VIEW = "cases/list";
    static final String NEW_VIEW = "cases/new";
    static final String CASE_VIEW = "cases/case";
    static final String COMMENTS_FRAGMENT = "cases/case :: comments";
    static final String EVIDENCE_FRAGMENT = "cases/case :: evidence";
    static final int PAGE_SIZE = 25;

    private final CaseManagement cases;
    private final NetworkManagement network;
    private final MessageSource messages;

    CasePages(CaseManagement cases, NetworkManagement network, MessageSource messages) {
        this.cases = cases;
        this.network = network;
        this.messages = messages;
    }

    // --- list ---

    @GetMapping("/cases")
    String list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable CaseState state,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        PageOf<CaseSummary> found = cases.find(user, new CaseQuery(state, mine), Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("cases", found);
        model.addAttribute("state", state);
        model.addAttribute("mine", mine);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("unitNames", network.unitNames());
        model.addAttribute(
                "names",
                network.displayNames(found.content().stream()
                        .map(CaseSummary::assignee)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet())));
        model.addAttribute("canOpen", !user.unitsWith(Role.CHECKER).isEmpty());
        model.addAttribute("pagerQuery", pagerQuery(state, mine));
        return LIST_VIEW;
    }

    // --- open ---

    @GetMapping("/cases/new")
    String newCase(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "item", required = false) @Nullable List<ItemId> items,
            Model model) {
        List<UUID> ids = items == null
                ? List.of()
                : items.stream().map(ItemId::value).distinct().toList();
        List<Unit> units = cases.unitsForOpening(user);
        model.addAttribute(
                "form",
                OpenCaseForm.of(ids, units.size() == 1 ? units.get(0).id().value() : null));
        return prepareNew(user, ids, model);
    }

    @PostMapping("/cases")
    String open(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("form") OpenCaseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        List<UUID> items = form.items() == null ? List.of() : form.items();
        if (!errors.hasErrors()) {
            try {
                Case kase = cases.open(
                        user,
                        new OpenCase(
                                form.unit() == null ? null : new UnitId(form.unit()),
                                form.title(),
                                form.claimList(),
                                items.stream().map(ItemId::new).toList()));
                flash.addFlashAttribute("success", "cases.flash.opened");
                return "redirect:/cases/" + kase.id();
            } catch (DomainException refused) {
                errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            }
        }
        return prepareNew(user, items, model);
    }

    private String prepareNew(CurrentUser user, List<UUID> items, Model model) {
        List<Unit> units = cases.unitsForOpening(user);
        if (units.isEmpty()) {
            throw new org.factdesk.cases.CaseExceptions.RoleRequired(Role.CHECKER);
        }
        model.addAttribute("units", units);
        model.addAttribute("items", cases.items(items.stream().map(ItemId::new).toList()));
        return NEW_VIEW;
    }

    // --- the case page ---

    @GetMapping("/cases/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable CaseId id, Model model) {
        prepareCase(user, cases.get(user, id), model);
        return CASE_VIEW;
    }

    @PostMapping("/cases/{id}/triage")
    String triage(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("triageForm") TriageForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        return act(
                id,
                form,
                errors,
                flash,
                "cases.flash.triaged",
                () -> cases.triage(user, id, form.priority(), form.topicList()));
    }

    @PostMapping("/cases/{id}/assign")
    String assign(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("assignForm") AssignForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        return act(
                id,
                form,
                errors,
                flash,
                "cases.flash.assigned",
                () -> cases.assign(user, id, new UserId(form.assignee())));
    }

    @PostMapping("/cases/{id}/evidence/link")
    String addLink(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("linkForm") LinkForm form,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes flash) {
        Supplier<Case> action =
                () -> cases.addEvidence(user, id, new NewEvidence.Link(form.url(), form.title(), form.summary()));
        return htmx != null
                ? partial(user, id, form, errors, model, EVIDENCE_FRAGMENT, "cases.flash.evidence-added", action)
                : act(id, form, errors, flash, "cases.flash.evidence-added", action);
    }

    @PostMapping("/cases/{id}/evidence/note")
    String addNote(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("noteForm") NoteForm form,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes flash) {
        Supplier<Case> action = () -> cases.addEvidence(user, id, new NewEvidence.Note(form.text()));
        return htmx != null
                ? partial(user, id, form, errors, model, EVIDENCE_FRAGMENT, "cases.flash.evidence-added", action)
                : act(id, form, errors, flash, "cases.flash.evidence-added", action);
    }

    @PostMapping("/cases/{id}/evidence/file")
    String addFile(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String summary,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes flash) {
        Supplier<Case> action = () -> {
            if (file == null) {
                throw new org.factdesk.cases.CaseExceptions.InvalidCaseInput("cases.error.file-empty");
            }
            try (InputStream content = file.getInputStream()) {
                return cases.addFile(user, id, file.getOriginalFilename(), content, title, summary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return htmx != null
                ? partial(user, id, null, null, model, EVIDENCE_FRAGMENT, "cases.flash.evidence-added", action)
                : act(id, null, null, flash, "cases.flash.evidence-added", action);
    }

    @GetMapping("/cases/{id}/evidence/{evidenceId}/file")
    ResponseEntity<Resource> file(
            @AuthenticationPrincipal CurrentUser user, @PathVariable CaseId id, @PathVariable EvidenceId evidenceId) {
        return CaseApi.download(cases.evidenceFile(user, id, evidenceId), evidenceId);
    }

    @PostMapping("/cases/{id}/comments")
    String comment(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes flash) {
        Supplier<Case> action = () -> cases.comment(user, id, form.text());
        return htmx != null
                ? partial(user, id, form, errors, model, COMMENTS_FRAGMENT, "cases.flash.commented", action)
                : act(id, form, errors, flash, "cases.flash.commented", action);
    }

    @PostMapping("/cases/{id}/verdict")
    String verdict(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("verdictForm") VerdictForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        return act(
                id,
                form,
                errors,
                flash,
                "cases.flash.verdict-proposed",
                () -> cases.proposeVerdict(user, id, form.rating(), form.summary()));
    }

    @PostMapping("/cases/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable CaseId id, RedirectAttributes flash) {
        return act(id, null, null, flash, "cases.flash.approved", () -> cases.approve(user, id));
    }

    @PostMapping("/cases/{id}/send-back")
    String sendBack(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("sendBackForm") SendBackForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        return act(id, form, errors, flash, "cases.flash.sent-back", () -> cases.sendBack(user, id, form.note()));
    }

    @PostMapping("/cases/{id}/close")
    String close(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @ModelAttribute("closeForm") CloseForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        return act(
                id, form, errors, flash, "cases.flash.closed", () -> cases.close(user, id, form.reason(), form.note()));
    }

    // --- helpers ---

    /**
     * Runs an action of the case page and redirects back to it: with a success message, or with the refusal as a
     * sentence and the form as sent. A case the user may not see at all is not a refusal to show on its page: it
     * goes to the error page.
     */
    private String act(
            CaseId id,
            @Nullable Object form,
            @Nullable BindingResult errors,
            RedirectAttributes flash,
            String success,
            Supplier<Case> action) {
        String refusal = errors != null && errors.hasErrors() ? text(errors) : null;
        if (refusal == null) {
            try {
                action.get();
                flash.addFlashAttribute("success", success);
                return "redirect:/cases/" + id;
            } catch (NotFound | OtherUnitCase hidden) {
                throw hidden;
            } catch (DomainException refused) {
                refusal = text(refused);
            }
        }
        flash.addFlashAttribute("refusal", refusal);
        if (form != null && errors != null) {
            flash.addFlashAttribute(errors.getObjectName(), form);
        }
        return "redirect:/cases/" + id;
    }

    /** The htmx variant of {@link #act}: answers the refreshed part of the page, with the refusal inside it. */
    private String partial(
            CurrentUser user,
            CaseId id,
            @Nullable Object form,
            @Nullable BindingResult errors,
            Model model,
            String fragment,
            String success,
            Supplier<Case> action) {
        String refusal = errors != null && errors.hasErrors() ? text(errors) : null;
        Case kase;
        if (refusal == null) {
            try {
                kase = action.get();
                model.addAttribute("partSuccess", success);
                prepareCase(user, kase, model);
                return fragment;
            } catch (NotFound | OtherUnitCase hidden) {
                throw hidden;
            } catch (DomainException refused) {
                refusal = text(refused);
            }
        }
        model.addAttribute("partRefusal", refusal);
        prepareCase(user, cases.get(user, id), model);
        if (form != null && errors != null) {
            model.addAttribute(errors.getObjectName(), form);
        }
        return fragment;
    }

    private void prepareCase(CurrentUser user, Case kase, Model model) {
        boolean canCheck = user.hasRole(kase.unit(), Role.CHECKER);
        boolean canEdit = user.hasRole(kase.unit(), Role.EDITOR);
        Verdict verdict = kase.verdict();
        model.addAttribute("kase", kase);
        model.addAttribute("names", cases.names(kase));
        model.addAttribute("items", cases.items(kase));
        model.addAttribute(
                "unitName", network.findUnit(kase.unit()).map(Unit::name).orElse(""));
        model.addAttribute("canCheck", canCheck);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("isProposer", verdict != null && verdict.proposedBy().equals(user.id()));
        model.addAttribute("canTriage", canCheck && kase.allows(CaseAction.TRIAGE));
        model.addAttribute("canAssign", canCheck && kase.allows(CaseAction.ASSIGN));
        model.addAttribute("canAddEvidence", canCheck && kase.allows(CaseAction.ADD_EVIDENCE));
        model.addAttribute("canComment", canCheck && kase.allows(CaseAction.COMMENT));
        model.addAttribute("canPropose", canCheck && kase.allows(CaseAction.PROPOSE_VERDICT));
        model.addAttribute("canReview", canEdit && kase.allows(CaseAction.APPROVE));
        model.addAttribute("canClose", canEdit && kase.allows(CaseAction.CLOSE));
        model.addAttribute("assignees", canCheck && kase.allows(CaseAction.ASSIGN) ? cases.assignees(kase) : List.of());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("closeReasons", CloseReason.values());
        model.addAttribute(
                "priorities",
                IntStream.rangeClosed(Case.MIN_PRIORITY, Case.MAX_PRIORITY)
                        .boxed()
                        .toList());
        model.addAttribute("maxFileSize", cases.maxFileSize());
        defaultForm(model, "triageForm", TriageForm.empty());
        defaultForm(
                model,
                "assignForm",
                new AssignForm(kase.assignee() == null ? null : kase.assignee().value()));
        defaultForm(model, "linkForm", LinkForm.empty());
        defaultForm(model, "noteForm", NoteForm.empty());
        defaultForm(model, "commentForm", CommentForm.empty());
        defaultForm(
                model,
                "verdictForm",
                verdict != null ? new VerdictForm(verdict.rating(), verdict.summary()) : new VerdictForm(null, ""));
        defaultForm(model, "sendBackForm", SendBackForm.empty());
        defaultForm(model, "closeForm", new CloseForm(null, ""));
    }

    private static void defaultForm(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    private String text(DomainException refused) {
        return messages.getMessage(
                refused.messageKey(), refused.arguments(), refused.messageKey(), LocaleContextHolder.getLocale());
    }

    /** The form's errors as one sentence each, joined; a value of the wrong type is named by its field. */
    private String text(BindingResult errors) {
        return errors.getAllErrors().stream().map(this::text).distinct().collect(Collectors.joining(" "));
    }

    private String text(ObjectError error) {
        if (error instanceof FieldError field && field.isBindingFailure()) {
            return messages.getMessage(
                    "cases.form.invalid-value",
                    new Object[] {field.getField()},
                    field.getField(),
                    LocaleContextHolder.getLocale());
        }
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    private static String pagerQuery(@Nullable CaseState state, boolean mine) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        if (state != null) {
            builder.queryParam("state", state);
        }
        if (mine) {
            builder.queryParam("mine", true);
        }
        String built = builder.build().getQuery();
        return built == null ? "" : built;
    }
}
