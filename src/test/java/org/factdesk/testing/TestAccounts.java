package org.factdesk.testing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.NewUnit;
import org.factdesk.network.NewUser;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.network.UnitKind;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;

/**
 * Builds units, users and API tokens through the real {@link NetworkManagement}, with unique names, so that tests
 * sharing one application context (and database) never collide. All users get {@link #PASSWORD}.
 */
public final class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery";
    private static final String ROOT_EMAIL = "root@factdesk.test";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final NetworkManagement network;

    public TestAccounts(NetworkManagement network) {
        this.network = network;
    }

    /** The installation's first administrator, created on first use. */
    public synchronized CurrentUser root() {
        if (!network.hasUsers()) {
            network.createFirstAdministrator(ROOT_EMAIL, "Root", PASSWORD, Language.EN, "Root desk " + unique());
        }
        return network.authenticate(ROOT_EMAIL, PASSWORD, "test-root");
    }

    /** A new unit of the network, administered by root. */
    public Unit unit(String name) {
        return network.createUnit(root(), new NewUnit(name + " " + unique(), UnitKind.DISTRICT_DESK));
    }

    /** A new user holding {@code role} in {@code unit}. */
    public CurrentUser user(Role role, UnitId unit) {
        String email = role.name().toLowerCase() + "-" + unique() + "@factdesk.test";
        var account = network.createUser(
                root(), new NewUser(email, role.name() + " " + unique(), PASSWORD, Language.EN, unit, role));
        return network.signedIn(account.id()).orElseThrow();
    }

    /** A personal API token of {@code user}, ready for an {@code Authorization: Bearer} header. */
    public String token(CurrentUser user) {
        return network.issueToken(user, "test").secret();
    }

    /** The same user with the roles stored now (after grants made since it was created). */
    public CurrentUser refreshed(CurrentUser user) {
        return network.signedIn(user.id()).orElseThrow();
    }

    private static String unique() {
        return SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
