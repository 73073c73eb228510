package org.factdesk.publishing;

import java.time.Instant;
import java.util.List;
import org.factdesk.cases.Rating;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;

/**
 * A fact-check went public (first publication or a published correction: {@code correction} tells which). Carries
 * what followers need without reading publishing: the public URL, the claim and rating, and the items of the case,
 * so that the tipline can answer the people who sent them and matching can link the public page.
 */
public record FactCheckPublished(
        FactCheckId id,
        CaseId caseId,
        UnitId unit,
        String url,
        Language language,
        String headline,
        String claim,
        Rating rating,
        List<ItemId> items,
        Instant publishedAt,
        boolean correction) {

    public FactCheckPublished {
        items = List.copyOf(items);
    }
}
