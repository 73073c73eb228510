package org.factdesk.network.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the network module.
 *
 * @param login limits on failed sign-ins
 * @param adminEmail with {@code adminPassword}: the administrator to create when no user exists
 *     ({@code FACTDESK_ADMIN_EMAIL}, {@code FACTDESK_ADMIN_PASSWORD})
 */
@ConfigurationProperties("factdesk.network")
public record NetworkProperties(
        @DefaultValue Login login,
        @Nullable String adminEmail,
        @Nullable String adminPassword) {

    public record Login(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window) {}
}
