package org.factdesk.network.web;

import java.util.UUID;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.IssuedToken;
import org.factdesk.network.NetworkManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own page: their units and roles, and their personal API tokens. */
@Controller
class AccountController {

    static final String ACCOUNT_VIEW = "network/account";

    private final NetworkManagement network;

    AccountController(NetworkManagement network) {
        this.network = network;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("account", network.user(user.id()));
        model.addAttribute("units", network.units());
        model.addAttribute("tokens", network.tokens(user));
        return ACCOUNT_VIEW;
    }

    @PostMapping("/account/tokens")
    String createToken(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes flash) {
        IssuedToken issued = network.issueToken(user, name);
        flash.addFlashAttribute("issuedSecret", issued.secret());
        flash.addFlashAttribute("success", "network.token.created");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes flash) {
        network.revokeToken(user, id);
        flash.addFlashAttribute("success", "network.token.revoked");
        return "redirect:/account";
    }
}
