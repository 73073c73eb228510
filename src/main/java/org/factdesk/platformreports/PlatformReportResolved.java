package org.factdesk.platformreports;

import java.time.Duration;
import java.time.Instant;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * A report reached an outcome: ACTIONED (with what was done), REJECTED, or NO_RESPONSE. A late answer after
 * NO_RESPONSE resolves the report again, with the real outcome.
 *
 * @param timeToOutcome from the submission to the outcome's date
 */
public record PlatformReportResolved(
        PlatformReportId id,
        ItemId item,
        UnitId unit,
        Platform platform,
        ReportStatus outcome,
        @Nullable ActionTaken action,
        Instant at,
        Duration timeToOutcome) {}
