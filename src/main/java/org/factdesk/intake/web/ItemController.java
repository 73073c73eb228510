package org.factdesk.intake.web;

import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factdesk.intake.ClusterId;
import org.factdesk.intake.Engagement;
import org.factdesk.intake.InboxRow;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemQuery;
import org.factdesk.intake.ItemStatus;
import org.factdesk.intake.SubmissionResult;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox (one row per rumour: the near duplicates of one post shown as one, with their counts per day), the submit
 * form, the item page and the page of a near-duplicate cluster.
 */
@Controller
class ItemController {

    static final String INBOX_VIEW = "intake/inbox";
    static final String FORM_VIEW = "intake/new";
    static final String ITEM_VIEW = "intake/item";
    static final String CLUSTER_VIEW = "intake/cluster";
    static final int PAGE_SIZE = 25;

    private final IntakeManagement intake;
    private final NetworkManagement network;

    ItemController(IntakeManagement intake, NetworkManagement network) {
        this.intake = intake;
        this.network = network;
    }

    @GetMapping("/items")
    String inbox(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ItemStatus status,
            @RequestParam(required = false) @Nullable Platform platform,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable UnitId unit,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Language lang = language == null || language.isBlank() ? null : Language.fromCode(language);
        ItemQuery query = new ItemQuery(q == null || q.isBlank() ? null : q, status, platform, lang, unit);
        PageOf<InboxRow> rows = intake.inbox(query, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("rows", rows);
        model.addAttribute("filtered", !query.equals(ItemQuery.ALL));
        model.addAttribute("query", query);
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("units", network.units());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("pagerQuery", pagerQuery(query));
        return INBOX_VIEW;
    }

    @GetMapping("/items/new")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", ItemForm.empty());
        return prepareForm(user, model);
    }

    @PostMapping("/items")
    String submit(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("form") ItemForm form,
            BindingResult errors,
            Model model,
            ZoneId zone,
            RedirectAttributes flash) {
        // "From the link": the platform of the link's host (a website for any other); without a link it is asked for.
        Platform platform = form.platform() != null
                ? form.platform()
                : form.url() == null || form.url().isBlank() ? null : Platform.ofUrl(form.url());
        if (platform == null) {
            errors.reject("intake.validation.platform-or-link");
        }
        if (errors.hasErrors()) {
            return prepareForm(user, model);
        }
        SubmissionResult result;
        try {
            result = intake.submit(
                    user,
                    new SubmitItem(
                            form.unit(),
                            form.url(),
                            form.title(),
                            form.text(),
                            platform,
                            form.language() == null
                                            || form.language().isBlank()
                                            || form.language().equals("AUTO")
                                    ? null
                                    : Language.fromCode(form.language()),
                            form.seenAt() == null
                                    ? null
                                    : form.seenAt().atZone(zone).toInstant(),
                            new Engagement(form.likes(), form.shares(), form.comments(), form.views()),
                            form.note()));
        } catch (DomainException refused) {
            errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            return prepareForm(user, model);
        }
        if (result.duplicate()) {
            flash.addFlashAttribute("warning", "intake.duplicate");
        } else {
            flash.addFlashAttribute("success", "intake.submitted");
        }
        return "redirect:/items/" + result.item().id();
    }

    @GetMapping("/items/{id}")
    String item(@AuthenticationPrincipal CurrentUser user, @PathVariable ItemId id, Model model) {
        Item item = intake.get(id);
        model.addAttribute("item", item);
        model.addAttribute("unit", network.findUnit(item.unit()).map(Unit::name).orElse(""));
        model.addAttribute(
                "submitter",
                item.submittedBy() == null
                        ? null
                        : network.displayNames(List.of(item.submittedBy())).get(item.submittedBy()));
        model.addAttribute("attachments", intake.attachments(id));
        model.addAttribute("canCheck", !user.unitsWith(Role.CHECKER).isEmpty());
        model.addAttribute("canDismiss", user.hasRole(item.unit(), Role.CHECKER));
        model.addAttribute("cluster", intake.clusterSummaries(List.of(id)).get(id));
        return ITEM_VIEW;
    }

    @GetMapping("/items/clusters/{id}")
    String cluster(@PathVariable ClusterId id, Model model) {
        model.addAttribute("cluster", intake.cluster(id));
        model.addAttribute("unitNames", unitNames());
        return CLUSTER_VIEW;
    }

    @PostMapping("/items/{id}/dismiss")
    String dismiss(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable ItemId id,
            @RequestParam(defaultValue = "true") boolean dismissed,
            RedirectAttributes flash) {
        try {
            intake.dismiss(user, id, dismissed);
            flash.addFlashAttribute("success", dismissed ? "intake.dismissed" : "intake.restored");
        } catch (DomainException refused) {
            flash.addFlashAttribute("failure", refused.messageKey());
        }
        return "redirect:/items/" + id;
    }

    private String prepareForm(CurrentUser user, Model model) {
        model.addAttribute("units", intake.unitsForSubmission(user));
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("languages", Language.values());
        return FORM_VIEW;
    }

    private Map<UnitId, String> unitNames() {
        return network.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    }

    private static String pagerQuery(ItemQuery query) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        if (query.text() != null) {
            builder.queryParam("q", query.text());
        }
        if (query.status() != null) {
            builder.queryParam("status", query.status());
        }
        if (query.platform() != null) {
            builder.queryParam("platform", query.platform());
        }
        if (query.language() != null) {
            builder.queryParam("language", query.language().code());
        }
        if (query.unit() != null) {
            builder.queryParam("unit", query.unit());
        }
        String built = builder.encode().build().getQuery();
        return built == null ? "" : built;
    }
}
