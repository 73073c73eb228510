package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/** Someone commented on a case. */
public record CommentAdded(CaseId caseId, UnitId unit, CommentId commentId, UserId author, Instant at) {}
