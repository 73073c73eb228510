package org.factdesk.matching;

import java.time.Instant;
import java.util.List;
import org.factdesk.cases.ClaimId;
import org.factdesk.cases.Rating;
import org.factdesk.matching.engine.Band;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * A checked claim that a text repeats, as the desk shows it: the claim, its case, the verdict when published, how
 * sure the match is (score in [0,1] and band) and the overlapping words that made it. The verdict's rating, summary
 * and date are there only once the case is published.
 */
public record DeskMatch(
        ClaimId claimId,
        CaseId caseId,
        String claim,
        Language language,
        double score,
        Band band,
        @Nullable Rating rating,
        @Nullable Instant publishedAt,
        @Nullable String verdictSummary,
        @Nullable String factCheckUrl,
        List<String> highlights) {

    public DeskMatch {
        highlights = List.copyOf(highlights);
    }

    public boolean published() {
        return rating != null;
    }

    /** The same match in another band. */
    public DeskMatch withBand(Band newBand) {
        return new DeskMatch(
                claimId,
                caseId,
                claim,
                language,
                score,
                newBand,
                rating,
                publishedAt,
                verdictSummary,
                factCheckUrl,
                highlights);
    }

    /** The same match linking another fact-check page. */
    public DeskMatch withFactCheckUrl(String url) {
        return new DeskMatch(
                claimId, caseId, claim, language, score, band, rating, publishedAt, verdictSummary, url, highlights);
    }
}
