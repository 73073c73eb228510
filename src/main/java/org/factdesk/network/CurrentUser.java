package org.factdesk.network;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, as every module's services receive it: who acts, and what role they hold in which unit.
 * Services decide with {@link #hasRole(UnitId, Role)}; nothing else about the person is needed.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UserId id;
    private final String email;
    private final String displayName;
    private final Language language;
    private final boolean enabled;
    private final Map<UnitId, Role> roles;
    private @Nullable String passwordHash;

    public CurrentUser(
            UserId id,
            String email,
            String displayName,
            Language language,
            boolean enabled,
            Map<UnitId, Role> roles,
            @Nullable String passwordHash) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.language = language;
        this.enabled = enabled;
        this.roles = Map.copyOf(roles);
        this.passwordHash = passwordHash;
    }

    public static CurrentUser of(UserAccount account) {
        return new CurrentUser(
                account.id(),
                account.email(),
                account.displayName(),
                account.language(),
                account.enabled(),
                account.roles(),
                null);
    }

    public UserId id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Language language() {
        return language;
    }

    public Map<UnitId, Role> roles() {
        return roles;
    }

    /** True when the user holds {@code role}, or a higher one, in {@code unit}. */
    public boolean hasRole(UnitId unit, Role role) {
        Role held = roles.get(unit);
        return held != null && held.includes(role);
    }

    /** True when the user belongs to {@code unit} with any role. */
    public boolean isMemberOf(UnitId unit) {
        return roles.containsKey(unit);
    }

    /** The units where the user holds {@code role} or a higher one. */
    public Set<UnitId> unitsWith(Role role) {
        return roles.entrySet().stream()
                .filter(entry -> entry.getValue().includes(role))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<UnitId> units() {
        return roles.keySet();
    }

    public boolean isAdministrator() {
        return roles.containsValue(Role.ADMIN);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        for (Role role : Role.values()) {
            if (!unitsWith(role).isEmpty()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser user && user.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + id + "]";
    }
}
