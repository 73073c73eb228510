package org.factdesk.network.web;

import jakarta.validation.Valid;
import java.util.List;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.NewUnit;
import org.factdesk.network.NewUser;
import org.factdesk.network.Role;
import org.factdesk.network.UnitKind;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of units and accounts, for users who administer at least one unit. */
@Controller
class AdminController {

    static final String ADMIN_VIEW = "network/admin";

    private final NetworkManagement network;

    AdminController(NetworkManagement network) {
        this.network = network;
    }

    @ModelAttribute
    void requireAdministrator(@AuthenticationPrincipal CurrentUser user) {
        if (!user.isAdministrator()) {
            throw new Forbidden("network.error.admin-only");
        }
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal CurrentUser user, Model model) {
        prepare(user, model);
        model.addAttribute("unitForm", new NewUnit("", UnitKind.DISTRICT_DESK));
        model.addAttribute("userForm", new NewUser("", "", "", Language.VI, firstAdministered(user), Role.CHECKER));
        return ADMIN_VIEW;
    }

    @PostMapping("/admin/units")
    String createUnit(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("unitForm") NewUnit form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                network.createUnit(user, form);
                flash.addFlashAttribute("success", "network.unit.created");
                return "redirect:/admin";
            } catch (DomainException refused) {
                errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            }
        }
        prepare(user, model);
        model.addAttribute("userForm", new NewUser("", "", "", Language.VI, firstAdministered(user), Role.CHECKER));
        return ADMIN_VIEW;
    }

    @PostMapping("/admin/users")
    String createUser(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("userForm") NewUser form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                network.createUser(user, form);
                flash.addFlashAttribute("success", "network.user.created");
                return "redirect:/admin";
            } catch (DomainException refused) {
                errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            }
        }
        prepare(user, model);
        model.addAttribute("unitForm", new NewUnit("", UnitKind.DISTRICT_DESK));
        return ADMIN_VIEW;
    }

    @PostMapping("/admin/roles")
    String grant(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam UserId userId,
            @RequestParam UnitId unitId,
            @RequestParam String role,
            RedirectAttributes flash) {
        if ("NONE".equals(role)) {
            network.revoke(user, userId, unitId);
        } else {
            network.grant(user, userId, unitId, Role.valueOf(role));
        }
        flash.addFlashAttribute("success", "network.role.saved");
        return "redirect:/admin";
    }

    private void prepare(CurrentUser user, Model model) {
        model.addAttribute("units", network.units());
        model.addAttribute("administered", user.unitsWith(Role.ADMIN));
        model.addAttribute("users", network.users());
        model.addAttribute("roles", Role.values());
        model.addAttribute("unitKinds", UnitKind.values());
        model.addAttribute("languages", Language.values());
    }

    private static UnitId firstAdministered(CurrentUser user) {
        List<UnitId> units = List.copyOf(user.unitsWith(Role.ADMIN));
        return units.get(0);
    }
}
