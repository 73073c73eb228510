package org.factdesk.cases;

import java.time.Instant;
import java.util.List;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;

/** A case was given its priority (1 most urgent, 4 least) and topics. */
public record CaseTriaged(
        CaseId caseId, UnitId unit, int priority, List<String> topics, UserId triagedBy, Instant triagedAt) {

    public CaseTriaged {
        topics = List.copyOf(topics);
    }
}
