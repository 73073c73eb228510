package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/** A case as lists show it. */
public record CaseSummary(
        CaseId id,
        UnitId unit,
        String title,
        CaseState state,
        @Nullable Integer priority,
        @Nullable UserId assignee,
        @Nullable Rating rating,
        Instant openedAt,
        Instant updatedAt) {}
