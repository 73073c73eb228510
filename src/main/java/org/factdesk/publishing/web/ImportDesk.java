package org.factdesk.publishing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.factdesk.network.CurrentUser;
import org.factdesk.publishing.ClaimReviewImports;
import org.factdesk.publishing.ImportReport;
import org.factdesk.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's import of other organisations' fact-checks: upload a file or paste JSON-LD / JSONL, or paste a list of
 * fact-check URLs; the report (counts and each refused record with its position and reason) shows after the
 * redirect, above the latest external fact-checks. Editors and administrators only.
 */
@Controller
class ImportDesk {

    static final String VIEW = "publishing/imports";
    static final int SHOWN = 50;

    private final ClaimReviewImports imports;
    private final MessageSource messages;

    ImportDesk(ClaimReviewImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/publishing/imports")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        imports.requireEditor(user);
        return view(model, null, null, null);
    }

    @PostMapping("/publishing/imports")
    String importJson(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String json,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        String text = file != null && !file.isEmpty()
                ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : json == null ? "" : json;
        try {
            redirect.addFlashAttribute("report", imports.importJson(user, text));
        } catch (DomainException refused) {
            imports.requireEditor(user);
            return view(model, refusal(refused), file != null && !file.isEmpty() ? null : json, null);
        }
        return "redirect:/publishing/imports";
    }

    @PostMapping("/publishing/imports/urls")
    String importUrls(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable String urls,
            Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("report", imports.importUrls(user, urls == null ? "" : urls));
        } catch (DomainException refused) {
            imports.requireEditor(user);
            return view(model, refusal(refused), null, urls);
        }
        return "redirect:/publishing/imports";
    }

    private String view(Model model, @Nullable String refusal, @Nullable String json, @Nullable String urls) {
        model.addAttribute("refusal", refusal);
        model.addAttribute("json", json);
        model.addAttribute("urls", urls);
        model.addAttribute("externals", imports.latest(SHOWN));
        model.addAttribute("externalCount", imports.count());
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", (ImportReport) null);
        }
        return VIEW;
    }

    private String refusal(DomainException refused) {
        return messages.getMessage(
                refused.messageKey(), refused.arguments(), refused.messageKey(), LocaleContextHolder.getLocale());
    }
}
