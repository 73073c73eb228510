package org.factdesk.platformreports;

import java.time.Instant;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * One step of a report's timeline: the status it reached, when that happened (as the editor says, or the deadline for
 * an automatic NO_RESPONSE), the note, and who recorded it.
 *
 * @param action what the platform did, for ACTIONED only
 * @param recordedBy the desk user who recorded the step; empty for a step the desk took by itself
 * @param recordedAt when the step was recorded
 */
public record ReportStep(
        ReportStatus status,
        @Nullable ActionTaken action,
        Instant at,
        @Nullable String note,
        @Nullable UserId recordedBy,
        Instant recordedAt) {

    /** Whether the desk took this step by itself (the automatic NO_RESPONSE). */
    public boolean automatic() {
        return recordedBy == null;
    }
}
