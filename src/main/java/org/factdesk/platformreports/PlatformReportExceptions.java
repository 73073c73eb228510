package org.factdesk.platformreports;

import org.factdesk.shared.Forbidden;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The typed refusals of platform reports. Each carries a message key of {@code i18n/platformreports_*.properties};
 * arguments that name a status are message keys themselves, so the sentence reads in the user's language.
 */
public final class PlatformReportExceptions {

    private PlatformReportExceptions() {}

    /** The desk has no reporting channel (no policy list) for this platform. */
    public static final class UnknownPlatform extends InvalidInput {
        public UnknownPlatform(String platform, String known) {
            super("platformreports.error.unknown-platform", platform, known);
        }
    }

    /** The platform has no policy category of this code. */
    public static final class UnknownPolicyCategory extends InvalidInput {
        public UnknownPolicyCategory(String code, String platform) {
            super("platformreports.error.unknown-policy", code, platform);
        }
    }

    /** A step dated before the report was submitted. */
    public static final class StepBeforeSubmission extends InvalidInput {
        public StepBeforeSubmission() {
            super("platformreports.error.before-submission");
        }
    }

    /** A step dated before the step it follows. */
    public static final class StepBeforePreviousStep extends InvalidInput {
        public StepBeforePreviousStep(ReportStatus previous) {
            super("platformreports.error.before-previous", term(previous));
        }
    }

    /** A date further in the future than clocks can disagree. */
    public static final class DatedInFuture extends InvalidInput {
        public DatedInFuture() {
            super("platformreports.error.in-future");
        }
    }

    /** A value a report can never accept (blank justification, too long note, action on a rejection, ...). */
    public static final class InvalidReportInput extends InvalidInput {
        public InvalidReportInput(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** A status change the report's status does not allow (ACTIONED again, back to SUBMITTED, ...). */
    public static final class IllegalReportTransition extends RuleViolation {

        private final ReportStatus from;
        private final ReportStatus to;

        public IllegalReportTransition(ReportStatus from, ReportStatus to) {
            super("platformreports.error.illegal-transition", term(from), term(to));
            this.from = from;
            this.to = to;
        }

        public ReportStatus from() {
            return from;
        }

        public ReportStatus to() {
            return to;
        }
    }

    /** Someone else changed the report since it was read; nothing was saved. */
    public static final class ConcurrentReportChange extends RuleViolation {
        public ConcurrentReportChange(PlatformReportId id) {
            super("platformreports.error.concurrent-change", id);
        }
    }

    /** Recording and updating reports needs the EDITOR role in the item's unit. */
    public static final class EditorRequired extends Forbidden {
        public EditorRequired() {
            super("platformreports.error.editor-required");
        }
    }

    public static final class ReportNotFound extends NotFound {
        public ReportNotFound(Object id) {
            super("platformreports.error.not-found", id);
        }
    }

    private static DefaultMessageSourceResolvable term(ReportStatus status) {
        return new DefaultMessageSourceResolvable(new String[] {"platformreports.status." + status}, status.name());
    }
}
