package org.factdesk.matching;

import java.time.Instant;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/** A stored match of an item, with the decision taken on it and by whom. */
public record ItemMatch(
        ItemId item,
        DeskMatch match,
        MatchDecision decision,
        Instant matchedAt,
        @Nullable UserId decidedBy,
        @Nullable Instant decidedAt) {}
