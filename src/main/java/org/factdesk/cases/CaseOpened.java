package org.factdesk.cases;

import java.time.Instant;
import java.util.List;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/** A case was opened from items, with {@code claims} claims to check. */
public record CaseOpened(
        CaseId caseId, UnitId unit, String title, int claims, List<ItemId> items, UserId openedBy, Instant openedAt) {

    public CaseOpened {
        items = List.copyOf(items);
    }
}
