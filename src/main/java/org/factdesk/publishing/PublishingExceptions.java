package org.factdesk.publishing;

import org.factdesk.network.Role;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * The typed refusals of the publishing module, each with a message key of {@code i18n/publishing_*.properties};
 * arguments naming a state, a step or a role are message keys themselves, so the sentence reads in one language.
 */
public final class PublishingExceptions {

    private PublishingExceptions() {}

    /** A fact-check is written only from a case whose verdict was approved (case state PUBLISHED). */
    public static final class CaseNotApproved extends RuleViolation {
        public CaseNotApproved() {
            super("publishing.error.case-not-approved");
        }
    }

    /** A step that the fact-check's state does not allow (publishing a withdrawn fact-check, ...). */
    public static final class IllegalFactCheckStep extends RuleViolation {
        public IllegalFactCheckStep(String step, FactCheckState state) {
            super(
                    "publishing.error.illegal-step",
                    term("publishing.step." + step),
                    term("publishing.state." + state.name()));
        }
    }

    /** Four-eyes rule: whoever wrote or proposed the change cannot publish or approve it. */
    public static final class FourEyesRefused extends RuleViolation {
        public FourEyesRefused() {
            super("publishing.error.four-eyes");
        }
    }

    /** A correction or withdrawal is already waiting for approval. */
    public static final class ProposalPending extends RuleViolation {
        public ProposalPending() {
            super("publishing.error.proposal-pending");
        }
    }

    /** Nothing is waiting for approval. */
    public static final class NoProposal extends RuleViolation {
        public NoProposal() {
            super("publishing.error.no-proposal");
        }
    }

    /** The case already has a fact-check in that language. */
    public static final class LanguageTaken extends RuleViolation {
        public LanguageTaken() {
            super("publishing.error.language-taken");
        }
    }

    /** Another fact-check has that address. */
    public static final class SlugTaken extends RuleViolation {
        public SlugTaken(String slug) {
            super("publishing.error.slug-taken", slug);
        }
    }

    /** Someone else changed the fact-check since it was read; nothing was saved. */
    public static final class ConcurrentChange extends RuleViolation {
        public ConcurrentChange() {
            super("publishing.error.concurrent-change");
        }
    }

    /** A value that can never be accepted (blank headline, body too long, malformed slug, bad filter). */
    public static final class InvalidFactCheckInput extends InvalidInput {
        public InvalidFactCheckInput(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** No such fact-check (or, on the public site, none published at that address). */
    public static final class FactCheckNotFound extends NotFound {
        public FactCheckNotFound() {
            super("publishing.error.not-found");
        }
    }

    /** The actor's role in the fact-check's unit does not allow the step. */
    public static final class RoleRequired extends Forbidden {
        public RoleRequired(Role role) {
            super("publishing.error.role-required", term("role." + role.name()));
        }
    }

    /** The fact-check belongs to a unit the actor is not a member of. */
    public static final class OtherUnitFactCheck extends Forbidden {
        public OtherUnitFactCheck() {
            super("publishing.error.other-unit");
        }
    }

    /**
     * An import whose input as a whole cannot be read: empty, not JSON, too large (413), too many URLs. Refusals of
     * single records are not exceptions but entries of the {@link ImportReport}.
     */
    public static final class InvalidImport extends InvalidInput {
        public InvalidImport(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }

        public InvalidImport(HttpStatus status, String messageKey, Object... arguments) {
            super(status, messageKey, arguments);
        }
    }

    private static DefaultMessageSourceResolvable term(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}
