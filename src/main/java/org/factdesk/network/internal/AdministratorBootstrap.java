package org.factdesk.network.internal;

import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * For automated set-ups: when no user exists and {@code FACTDESK_ADMIN_EMAIL} and {@code FACTDESK_ADMIN_PASSWORD}
 * are set, creates that administrator with a first unit. Ignored once any user exists.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final NetworkManagement network;
    private final NetworkProperties properties;

    AdministratorBootstrap(NetworkManagement network, NetworkProperties properties) {
        this.network = network;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.adminEmail();
        String password = properties.adminPassword();
        if (email == null || email.isBlank() || password == null || password.isBlank() || network.hasUsers()) {
            return;
        }
        network.createFirstAdministrator(email, "Administrator", password, Language.VI, "FactDesk");
        log.info("Created the first administrator {} from FACTDESK_ADMIN_EMAIL", email);
    }
}
