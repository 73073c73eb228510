package org.factdesk.tipline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.tipline.IncomingTip;
import org.factdesk.tipline.TipOutcome;
import org.factdesk.tipline.TiplineExceptions.TooManyTips;
import org.factdesk.tipline.TiplineProperties;
import org.factdesk.tipline.TiplineService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public tip form at {@code /tips}, no sign-in: a link and/or a text, an optional contact. The tipper gets a
 * reference, and the matching public fact-checks at once when there are any (Post/Redirect/Get, the outcome carried
 * in a flash attribute). The contact is stored with the tip, encrypted, for the desk to ask a question back; it is
 * never put on the item, which every desk user can read.
 */
@Controller
class TipFormController {

    static final String FORM_VIEW = "tipline/form";
    static final String RESULT_VIEW = "tipline/result";
    static final String REFUSED_VIEW = "tipline/refused";

    private final TiplineService tipline;
    private final TiplineProperties properties;

    TipFormController(TiplineService tipline, TiplineProperties properties) {
        this.tipline = tipline;
        this.properties = properties;
    }

    @GetMapping("/tips")
    String form(Model model) {
        model.addAttribute("tip", TipForm.empty());
        return prepareForm(model);
    }

    @PostMapping("/tips")
    String submit(
            @ModelAttribute("tip") TipForm form,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        if (form.website() != null && !form.website().isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reason", "tipline.refused.honeypot");
            return REFUSED_VIEW;
        }
        IncomingTip tip = new IncomingTip(
                TiplineService.WEB,
                null,
                form.text(),
                form.link() == null ? List.of() : List.of(form.link()),
                Platform.OTHER,
                null,
                Language.detect(form.text()) == null ? language(locale) : null,
                null,
                "ip:" + request.getRemoteAddr(),
                form.contact());
        TipOutcome outcome;
        try {
            outcome = tipline.receive(tip);
        } catch (TooManyTips tooMany) {
            response.setStatus(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(
                    "Retry-After", Long.toString(properties.formWindow().toSeconds()));
            model.addAttribute("reason", "tipline.refused.too-many");
            model.addAttribute("minutes", Math.max(1, properties.formWindow().toMinutes()));
            return REFUSED_VIEW;
        } catch (DomainException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("error", refused.messageKey());
            model.addAttribute("errorArguments", refused.arguments());
            return prepareForm(model);
        }
        flash.addFlashAttribute("outcome", outcome);
        return "redirect:/tips/result";
    }

    @GetMapping("/tips/result")
    String result(Model model) {
        if (!model.containsAttribute("outcome")) {
            return "redirect:/tips";
        }
        return RESULT_VIEW;
    }

    /** Where the size limit sends a request it refused without reading it. */
    @GetMapping(TiplineSecurityConfiguration.TOO_LARGE_PATH)
    String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("reason", "tipline.refused.too-large");
        model.addAttribute("limit", properties.maxTextLength());
        return REFUSED_VIEW;
    }

    private String prepareForm(Model model) {
        model.addAttribute("maxTextLength", properties.maxTextLength());
        return FORM_VIEW;
    }

    private static Language language(Locale locale) {
        return locale.getLanguage().equals("en") ? Language.EN : Language.VI;
    }
}
