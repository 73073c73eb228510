package org.factdesk.tipline;

import java.time.Instant;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.FactCheckId;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;

/** A published fact-check as the tipline offers it: its public page, headline and rating. */
public record PublicFactCheck(
        CaseId caseId,
        FactCheckId id,
        String url,
        Language language,
        String headline,
        String claim,
        Rating rating,
        Instant publishedAt) {}
