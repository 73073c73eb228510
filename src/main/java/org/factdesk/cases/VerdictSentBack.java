package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/** An editor sent a proposed verdict back to verification. */
public record VerdictSentBack(
        CaseId caseId, UnitId unit, Rating rating, UserId proposedBy, UserId sentBackBy, Instant sentBackAt) {}
