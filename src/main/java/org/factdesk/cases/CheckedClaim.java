package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * A claim as the rest of the network may know it: the claim of a case that is open or published (not closed), with
 * the verdict once one was approved. What matching indexes; it carries nothing about the people who worked on it.
 */
public record CheckedClaim(
        ClaimId id,
        CaseId caseId,
        UnitId unit,
        String text,
        Language language,
        String caseTitle,
        CaseState state,
        @Nullable Rating rating,
        @Nullable String verdictSummary,
        @Nullable Instant publishedAt) {

    public boolean published() {
        return state == CaseState.PUBLISHED;
    }
}
