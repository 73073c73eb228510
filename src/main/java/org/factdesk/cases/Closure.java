package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/** Why, by whom and when a case was closed without a published verdict. */
public record Closure(CloseReason reason, @Nullable String note, UserId closedBy, Instant closedAt) {}
