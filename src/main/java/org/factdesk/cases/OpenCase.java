package org.factdesk.cases;

import java.util.List;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to open a case: the items it starts from, a title and the claims to check.
 *
 * @param unit the unit that will own the case; may be left out when the actor checks for one unit only
 */
public record OpenCase(@Nullable UnitId unit, String title, List<NewClaim> claims, List<ItemId> items) {

    public OpenCase {
        claims = List.copyOf(claims);
        items = List.copyOf(items);
    }
}
