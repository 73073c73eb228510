package org.factdesk.cases;

import java.time.Instant;
import java.util.List;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/** A case was closed without a published verdict, from state {@code closedFrom}. */
public record CaseClosed(
        CaseId caseId,
        UnitId unit,
        CloseReason reason,
        CaseState closedFrom,
        List<String> topics,
        List<ItemId> items,
        UserId closedBy,
        Instant openedAt,
        Instant closedAt) {

    public CaseClosed {
        topics = List.copyOf(topics);
        items = List.copyOf(items);
    }
}
