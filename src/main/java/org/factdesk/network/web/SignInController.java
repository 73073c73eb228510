package org.factdesk.network.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page and the first-run page that creates the first administrator. */
@Controller
class SignInController {

    static final String LOGIN_VIEW = "network/login";
    static final String SETUP_VIEW = "network/setup";

    private final NetworkManagement network;

    SignInController(NetworkManagement network) {
        this.network = network;
    }

    record SetupForm(
            @NotBlank(message = "{validation.unit-name.required}") @Size(max = 200)
            String unitName,

            @NotBlank(message = "{validation.display-name.required}") @Size(max = 200)
            String displayName,

            @NotBlank(message = "{validation.email.required}") @Email(message = "{validation.email.invalid}")
            String email,

            @NotBlank(message = "{validation.password.required}")
            @Size(min = 10, max = 200, message = "{validation.password.length}")
            String password,

            @NotNull Language language) {}

    @GetMapping("/")
    String home() {
        return "redirect:/items";
    }

    @GetMapping("/login")
    String login() {
        return network.hasUsers() ? LOGIN_VIEW : "redirect:/setup";
    }

    @GetMapping("/setup")
    String setup(Model model) {
        if (network.hasUsers()) {
            return "redirect:/login";
        }
        model.addAttribute("form", new SetupForm("", "", "", "", Language.VI));
        return SETUP_VIEW;
    }

    @PostMapping("/setup")
    String createAdministrator(
            @Valid @ModelAttribute("form") SetupForm form, BindingResult errors, RedirectAttributes flash) {
        if (network.hasUsers()) {
            return "redirect:/login";
        }
        if (errors.hasErrors()) {
            return SETUP_VIEW;
        }
        try {
            network.createFirstAdministrator(
                    form.email(), form.displayName(), form.password(), form.language(), form.unitName());
        } catch (DomainException refused) {
            errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            return SETUP_VIEW;
        }
        flash.addFlashAttribute("success", "network.setup.done");
        return "redirect:/login";
    }
}
