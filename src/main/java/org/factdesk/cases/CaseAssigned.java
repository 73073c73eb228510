package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/** A case was assigned to a checker, for the first time or instead of {@code previousAssignee}. */
public record CaseAssigned(
        CaseId caseId,
        UnitId unit,
        UserId assignee,
        @Nullable UserId previousAssignee,
        UserId assignedBy,
        Instant assignedAt) {}
