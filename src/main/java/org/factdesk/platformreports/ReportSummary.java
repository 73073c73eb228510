package org.factdesk.platformreports;

import java.time.Instant;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/** A report as the list shows it, with the item's headline. */
public record ReportSummary(
        PlatformReportId id,
        ItemId item,
        String headline,
        UnitId unit,
        Platform platform,
        String policy,
        @Nullable String reference,
        ReportStatus status,
        @Nullable ActionTaken action,
        Instant submittedAt,
        @Nullable Instant outcomeAt) {

    /** From the submission to the outcome, in days; null while the report waits. */
    public @Nullable Double daysToOutcome() {
        return outcomeAt == null ? null : PlatformReport.days(java.time.Duration.between(submittedAt, outcomeAt));
    }
}
