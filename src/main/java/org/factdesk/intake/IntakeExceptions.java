package org.factdesk.intake;

import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.RuleViolation;

/** The typed refusals of intake. */
public final class IntakeExceptions {

    private IntakeExceptions() {}

    public static final class ItemNotFound extends NotFound {
        public ItemNotFound(Object id) {
            super("intake.error.item-not-found", id);
        }
    }

    public static final class ClusterNotFound extends NotFound {
        public ClusterNotFound(Object id) {
            super("intake.error.cluster-not-found", id);
        }
    }

    public static final class InvalidItem extends InvalidInput {
        public InvalidItem(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    public static final class IllegalItemChange extends RuleViolation {
        public IllegalItemChange(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }
}
