package org.factdesk.network.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.factdesk.network.ApiToken;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.NewUnit;
import org.factdesk.network.NewUser;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.network.UserAccount;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The network over HTTP: API tokens, the caller's account, units and users (for administrators). */
@RestController
@RequestMapping("/api/v1")
class NetworkApi {

    private final NetworkManagement network;

    NetworkApi(NetworkManagement network) {
        this.network = network;
    }

    record TokenRequest(
            @NotBlank(message = "{validation.email.required}")
            String email,

            @NotBlank(message = "{validation.password.required}")
            String password,

            @Size(max = 100) String name) {}

    record TokenResponse(String token, UUID id, String name) {}

    record RoleRequest(@NotNull Role role) {}

    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issueToken(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        CurrentUser user = network.authenticate(request.email(), request.password(), http.getRemoteAddr());
        var issued = network.issueToken(user, request.name() == null ? "API" : request.name());
        return new TokenResponse(
                issued.secret(), issued.token().id(), issued.token().name());
    }

    @GetMapping("/auth/tokens")
    List<ApiToken> tokens(@AuthenticationPrincipal CurrentUser user) {
        return network.tokens(user);
    }

    @DeleteMapping("/auth/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        network.revokeToken(user, id);
    }

    @GetMapping("/me")
    UserAccount me(@AuthenticationPrincipal CurrentUser user) {
        return network.user(user.id());
    }

    @GetMapping("/units")
    List<Unit> units() {
        return network.units();
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    Unit createUnit(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewUnit unit) {
        return network.createUnit(user, unit);
    }

    @GetMapping("/users")
    List<UserAccount> users(@AuthenticationPrincipal CurrentUser user) {
        if (!user.isAdministrator()) {
            throw new org.factdesk.shared.Forbidden("network.error.admin-only");
        }
        return network.users();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserAccount createUser(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewUser newUser) {
        return network.createUser(user, newUser);
    }

    @PutMapping("/users/{userId}/roles/{unitId}")
    UserAccount grant(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable UUID userId,
            @PathVariable UUID unitId,
            @Valid @RequestBody RoleRequest request) {
        return network.grant(user, new UserId(userId), new UnitId(unitId), request.role());
    }

    @DeleteMapping("/users/{userId}/roles/{unitId}")
    UserAccount revokeRole(
            @AuthenticationPrincipal CurrentUser user, @PathVariable UUID userId, @PathVariable UUID unitId) {
        return network.revoke(user, new UserId(userId), new UnitId(unitId));
    }
}
