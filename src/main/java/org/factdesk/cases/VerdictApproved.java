package org.factdesk.cases;

import java.time.Instant;
import java.util.List;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/**
 * A second person approved a verdict: the case is published. Carries what publishing and the period report need
 * without reading the case (rating, topics, items, who proposed and approved, and the response time from
 * {@code openedAt} to {@code approvedAt}).
 */
public record VerdictApproved(
        CaseId caseId,
        UnitId unit,
        Rating rating,
        List<String> topics,
        List<ItemId> items,
        UserId proposedBy,
        UserId approvedBy,
        Instant openedAt,
        Instant approvedAt) {

    public VerdictApproved {
        topics = List.copyOf(topics);
        items = List.copyOf(items);
    }
}
