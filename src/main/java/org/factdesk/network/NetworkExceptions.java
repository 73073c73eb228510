package org.factdesk.network;

import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.RuleViolation;
import org.springframework.http.HttpStatus;

/** The typed refusals of the network module. */
public final class NetworkExceptions {

    private NetworkExceptions() {}

    /** An e-mail address that another account already uses. */
    public static final class EmailTaken extends RuleViolation {
        public EmailTaken(String email) {
            super("network.error.email-taken", email);
        }
    }

    /** A unit name that another unit already uses. */
    public static final class UnitNameTaken extends RuleViolation {
        public UnitNameTaken(String name) {
            super("network.error.unit-name-taken", name);
        }
    }

    /** Wrong e-mail or password; says nothing about which. */
    public static final class BadCredentials extends InvalidInput {
        public BadCredentials() {
            super(HttpStatus.UNAUTHORIZED, "network.error.bad-credentials");
        }
    }

    /** Too many failed sign-ins from this address or for this account. */
    public static final class TooManyAttempts extends InvalidInput {
        public TooManyAttempts() {
            super(HttpStatus.TOO_MANY_REQUESTS, "network.error.too-many-attempts");
        }
    }

    /** The first administrator can be created only while the installation has no user. */
    public static final class AlreadySetUp extends RuleViolation {
        public AlreadySetUp() {
            super("network.error.already-set-up");
        }
    }
}
