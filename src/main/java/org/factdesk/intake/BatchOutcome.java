package org.factdesk.intake;

import org.factdesk.intake.IntakeExceptions.InvalidItem;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;

/**
 * What became of one submission of a batch ({@link IntakeManagement#submitBatch}): stored as a new item, recognised as
 * a duplicate of a stored item (or of an earlier submission of the same batch), or refused with the same reason a
 * single submission would get.
 *
 * @param item the new item or the item it duplicates; empty when refused
 * @param refusal why it was refused; empty when stored
 */
public record BatchOutcome(
        @Nullable ItemId item, boolean duplicate, @Nullable InvalidItem refusal) {

    public static BatchOutcome stored(ItemId item, boolean duplicate) {
        return new BatchOutcome(item, duplicate, null);
    }

    public static BatchOutcome refused(InvalidItem refusal) {
        return new BatchOutcome(null, false, refusal);
    }

    public boolean refused() {
        return refusal != null;
    }
}
