package org.factdesk.platformreports;

import java.time.LocalDate;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the report list and figures; empty ones do not filter. The period is of submission dates, both days
 * included, in the installation's time zone.
 */
public record ReportQuery(
        @Nullable Platform platform,
        @Nullable ReportStatus status,
        @Nullable UnitId unit,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final ReportQuery ALL = new ReportQuery(null, null, null, null, null);

    /** The same filters without the status: figures count every status. */
    public ReportQuery anyStatus() {
        return new ReportQuery(platform, null, unit, from, to);
    }
}
