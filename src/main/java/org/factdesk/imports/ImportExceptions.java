package org.factdesk.imports;

import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.RuleViolation;

/** The typed refusals of imports. */
public final class ImportExceptions {

    private ImportExceptions() {}

    /** The file cannot be imported at all (unreadable, no usable header, unknown format, too large). */
    public static final class InvalidImport extends InvalidInput {
        public InvalidImport(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    public static final class ImportNotFound extends NotFound {
        public ImportNotFound(Object id) {
            super("imports.error.not-found", id);
        }
    }

    /** Another run of the same job committed a batch meanwhile: this run stops, the other goes on. */
    public static final class ConcurrentImport extends RuleViolation {
        public ConcurrentImport(Object id) {
            super("imports.error.concurrent", id);
        }
    }
}
