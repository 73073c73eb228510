package org.factdesk.platformreports;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a report to a platform stands. A report starts SUBMITTED; the platform may acknowledge it, and it ends with an
 * outcome: ACTIONED (the platform did something, see {@link ActionTaken}), REJECTED, or NO_RESPONSE when the platform
 * stayed silent for the configured number of days. NO_RESPONSE is an outcome the desk sets for want of an answer, so a
 * late answer may still follow it (ACTIONED or REJECTED); ACTIONED and REJECTED are final.
 */
public enum ReportStatus {
    SUBMITTED,
    ACKNOWLEDGED,
    ACTIONED,
    REJECTED,
    NO_RESPONSE;

    /** The statuses that still wait for the platform. */
    public static final Set<ReportStatus> WAITING = EnumSet.of(SUBMITTED, ACKNOWLEDGED);

    /** The statuses that end the wait and stop the clock of the time to outcome. */
    public static final Set<ReportStatus> OUTCOMES = EnumSet.of(ACTIONED, REJECTED, NO_RESPONSE);

    public boolean isWaiting() {
        return WAITING.contains(this);
    }

    public boolean isOutcome() {
        return OUTCOMES.contains(this);
    }

    /** The statuses a report in this status may move to. */
    public Set<ReportStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(ACKNOWLEDGED, ACTIONED, REJECTED, NO_RESPONSE);
            case ACKNOWLEDGED -> EnumSet.of(ACTIONED, REJECTED, NO_RESPONSE);
            case NO_RESPONSE -> EnumSet.of(ACTIONED, REJECTED);
            case ACTIONED, REJECTED -> EnumSet.noneOf(ReportStatus.class);
        };
    }

    public boolean canMoveTo(ReportStatus target) {
        return next().contains(target);
    }
}
