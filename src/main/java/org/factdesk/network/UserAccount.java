package org.factdesk.network;

import java.time.Instant;
import java.util.Map;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/** A user as others see it: no password, the roles per unit. */
public record UserAccount(
        UserId id,
        String email,
        String displayName,
        Language language,
        boolean enabled,
        Map<UnitId, Role> roles,
        Instant createdAt) {

    public UserAccount {
        roles = Map.copyOf(roles);
    }
}
