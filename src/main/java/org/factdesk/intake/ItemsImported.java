package org.factdesk.intake;

import java.util.List;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;

/**
 * New items were stored by one batch of a bulk import ({@link IntakeManagement#submitBatch}), in the order of the
 * batch; duplicates are not among them. Raised once per batch instead of one {@link ItemReceived} per item, so that
 * those who follow new items (matching) can handle a batch in bulk and the event registry holds one entry per batch.
 */
public record ItemsImported(List<ItemId> items, UnitId unit) {

    public ItemsImported {
        items = List.copyOf(items);
    }
}
