package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/** A checker proposed a verdict; the case waits for review. */
public record VerdictProposed(CaseId caseId, UnitId unit, Rating rating, UserId proposedBy, Instant proposedAt) {}
