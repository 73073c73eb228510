package org.factdesk.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** FACTDESK_ADMIN_EMAIL and FACTDESK_ADMIN_PASSWORD create the first administrator of an empty installation. */
@SpringBootTest(
        properties = {"FACTDESK_ADMIN_EMAIL=ops@factdesk.test", "FACTDESK_ADMIN_PASSWORD=from-the-environment-1"})
@DirtiesContext
class AdministratorFromEnvironmentTests {

    @Autowired
    NetworkManagement network;

    @Test
    void createsTheAdministratorWhoCanSignIn() {
        CurrentUser admin = network.authenticate("ops@factdesk.test", "from-the-environment-1", "test");
        assertThat(admin.isAdministrator()).isTrue();
        assertThat(network.users()).hasSize(1);
        assertThat(network.units()).hasSize(1);
    }
}
