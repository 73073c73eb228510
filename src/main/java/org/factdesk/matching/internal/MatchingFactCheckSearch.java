package org.factdesk.matching.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.factdesk.matching.engine.Band;
import org.factdesk.matching.engine.ClaimMatcher;
import org.factdesk.publishing.FactCheckSearch;
import org.factdesk.shared.CaseId;
import org.springframework.stereotype.Component;

/**
 * The public site's search, ranked with the desk's matching analysis over the checked claims; only hits in the AUTO
 * and SUGGEST bands count (publishing falls back to its word search when there are none).
 */
@Component
class MatchingFactCheckSearch implements FactCheckSearch {

    private final ClaimSearch search;

    MatchingFactCheckSearch(ClaimSearch search) {
        this.search = search;
    }

    @Override
    public List<CaseId> rank(String text, int limit) {
        if (!ClaimMatcher.hasWords(text)) {
            return List.of();
        }
        Set<CaseId> cases = new LinkedHashSet<>();
        for (ClaimSearch.Hit hit : search.match(text, limit).hits()) {
            // Only what matching would show a checker (AUTO or SUGGEST): weaker hits share a word or two.
            if (hit.claim().published() && hit.candidate().band() != Band.NONE) {
                cases.add(hit.claim().caseId());
            }
        }
        return new ArrayList<>(cases);
    }
}
