package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/** Evidence was added to a case; for a file, {@code sha256} identifies the stored content. */
public record EvidenceAdded(
        CaseId caseId,
        UnitId unit,
        EvidenceId evidenceId,
        EvidenceKind kind,
        @Nullable String url,
        @Nullable String sha256,
        UserId addedBy,
        Instant addedAt) {}
