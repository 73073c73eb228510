package org.factdesk.cases;

import org.factdesk.network.Role;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * The typed refusals of the cases module. Each carries a message key of {@code i18n/cases_*.properties}; arguments
 * that name a state, an action or a role are themselves message keys, so the whole sentence reads in the user's
 * language.
 */
public final class CaseExceptions {

    private CaseExceptions() {}

    /** An action that the case's state does not allow (approving a case that is not in review, ...). */
    public static final class IllegalCaseTransition extends RuleViolation {

        private final CaseAction action;
        private final CaseState state;

        public IllegalCaseTransition(CaseAction action, CaseState state) {
            super("cases.error.illegal-transition", term("cases.action." + action), term("cases.state." + state));
            this.action = action;
            this.state = state;
        }

        public CaseAction action() {
            return action;
        }

        public CaseState state() {
            return state;
        }
    }

    /** A verdict must cite at least one piece of evidence. */
    public static final class VerdictWithoutEvidence extends RuleViolation {
        public VerdictWithoutEvidence() {
            super("cases.error.verdict-without-evidence");
        }
    }

    /** Four-eyes rule: whoever proposed a verdict cannot approve it. */
    public static final class SelfApprovalRefused extends RuleViolation {
        public SelfApprovalRefused() {
            super("cases.error.self-approval");
        }
    }

    /** Someone else changed the case since it was read; nothing was saved. */
    public static final class ConcurrentChange extends RuleViolation {
        public ConcurrentChange(CaseId id) {
            super("cases.error.concurrent-change", id);
        }
    }

    /** Only a checker of the case's unit can work on the case. */
    public static final class AssigneeNotChecker extends RuleViolation {
        public AssigneeNotChecker() {
            super("cases.error.assignee-not-checker");
        }
    }

    /** An item already belongs to another open case. */
    public static final class ItemInAnotherCase extends RuleViolation {
        public ItemInAnotherCase(String headline, CaseId other) {
            super("cases.error.item-in-case", headline, other);
        }
    }

    /** No such case. */
    public static final class CaseNotFound extends NotFound {
        public CaseNotFound(CaseId id) {
            super("cases.error.not-found", id);
        }
    }

    /** No such evidence in the case. */
    public static final class EvidenceNotFound extends NotFound {
        public EvidenceNotFound(EvidenceId id) {
            super("cases.error.evidence-not-found", id);
        }
    }

    /** A case is opened from items that exist. */
    public static final class ItemNotFound extends NotFound {
        public ItemNotFound(ItemId id) {
            super("cases.error.item-not-found", id);
        }
    }

    /** The case belongs to a unit the user is not a member of. */
    public static final class OtherUnitCase extends Forbidden {
        public OtherUnitCase() {
            super("cases.error.other-unit");
        }
    }

    /** The user's role in the case's unit is too low for the action. */
    public static final class RoleRequired extends Forbidden {
        public RoleRequired(Role role) {
            super("cases.error.role-required", term("cases.role." + role));
        }
    }

    /** A value that the case can never accept (blank claim, too long summary, priority 7, ...). */
    public static final class InvalidCaseInput extends InvalidInput {
        public InvalidCaseInput(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** An upload larger than {@code factdesk.cases.evidence.max-file-size}. */
    public static final class FileTooLarge extends InvalidInput {
        public FileTooLarge(String limit) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, "cases.error.file-too-large", limit);
        }
    }

    /** An upload whose bytes are none of the allowed types, whatever its name or declared type says. */
    public static final class FileTypeRefused extends InvalidInput {
        public FileTypeRefused() {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "cases.error.file-type");
        }
    }

    static DefaultMessageSourceResolvable term(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key.substring(key.lastIndexOf('.') + 1));
    }
}
