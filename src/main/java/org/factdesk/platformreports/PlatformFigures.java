package org.factdesk.platformreports;

import java.util.List;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;

/**
 * How one platform answered the reports sent to it in a period.
 *
 * @param sent reports sent
 * @param waiting reports without an outcome yet (SUBMITTED or ACKNOWLEDGED)
 * @param actionedRate ACTIONED among the reports with an outcome (waiting ones are not counted either way), 0 to 1;
 *     null when none has an outcome
 * @param medianDaysToOutcome the median of the days from submission to outcome over the reports with an outcome;
 *     null when none has one
 */
public record PlatformFigures(
        Platform platform,
        long sent,
        long waiting,
        long actioned,
        long rejected,
        long noResponse,
        @Nullable Double actionedRate,
        @Nullable Double medianDaysToOutcome) {

    /** Figures of one platform from each report's status and days to outcome (null while it waits). */
    static PlatformFigures of(Platform platform, List<ReportSummary> reports) {
        long waiting = reports.stream().filter(r -> r.status().isWaiting()).count();
        long actioned = count(reports, ReportStatus.ACTIONED);
        long rejected = count(reports, ReportStatus.REJECTED);
        long silent = count(reports, ReportStatus.NO_RESPONSE);
        long decided = actioned + rejected + silent;
        double[] days = reports.stream()
                .map(ReportSummary::daysToOutcome)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        return new PlatformFigures(
                platform,
                reports.size(),
                waiting,
                actioned,
                rejected,
                silent,
                decided == 0 ? null : (double) actioned / decided,
                median(days));
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones; null for none. */
    static @Nullable Double median(double[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long count(List<ReportSummary> reports, ReportStatus status) {
        return reports.stream().filter(r -> r.status() == status).count();
    }
}
