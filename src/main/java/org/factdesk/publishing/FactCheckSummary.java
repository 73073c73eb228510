package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.cases.Rating;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/** A fact-check as lists, feeds and the sitemap show it. */
public record FactCheckSummary(
        FactCheckId id,
        CaseId caseId,
        String slug,
        Language language,
        FactCheckState state,
        String headline,
        String claim,
        String summary,
        Rating rating,
        @Nullable Instant publishedAt,
        Instant updatedAt) {}
