package org.factdesk.platformreports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A step an editor records on a report.
 *
 * @param action what the platform did; required for ACTIONED, refused otherwise
 * @param at when it happened; now when empty
 */
public record StatusChange(
        ReportStatus status,
        @Nullable ActionTaken action,
        @Nullable Instant at,
        @Nullable String note) {}
