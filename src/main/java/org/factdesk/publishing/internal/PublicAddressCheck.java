package org.factdesk.publishing.internal;

import java.net.URI;
import org.factdesk.publishing.PublishingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start-up when the public address is still the default: fact-check links in ClaimReview markup, feeds, tip
 * answers and reports to platforms would then point to {@code localhost}, a dead link for anyone else.
 */
@Component
class PublicAddressCheck {

    private static final Logger log = LoggerFactory.getLogger(PublicAddressCheck.class);

    private final PublishingProperties properties;
    private final Environment environment;

    PublicAddressCheck(PublishingProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        String host;
        try {
            host = URI.create(properties.baseUrl()).getHost();
        } catch (IllegalArgumentException unreadable) {
            host = null;
        }
        if (host == null || host.equals("localhost") || host.startsWith("127.")) {
            log.warn(
                    "The public address is {} (server port {}): links to published fact-checks in ClaimReview markup,"
                            + " feeds, tipline answers and reports to platforms point there. Set FACTDESK_PUBLIC_BASE_URL"
                            + " to the address the public reads the desk at.",
                    properties.baseUrl(),
                    environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
        }
    }
}
