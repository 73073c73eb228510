package org.factdesk.matching.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.factdesk.cases.CheckedClaim;
import org.factdesk.matching.engine.Candidate;
import org.factdesk.matching.engine.ClaimDoc;
import org.factdesk.matching.engine.ClaimIndex;
import org.factdesk.matching.engine.ClaimMatcher;
import org.factdesk.matching.engine.MatchOutcome;
import org.factdesk.shared.CaseId;

/**
 * The desk's view of the engine: the Lucene index of checked claims plus what the desk needs to show a hit (its case,
 * its verdict), kept in memory by claim id. One instance per application, opened on the data directory.
 */
public final class ClaimSearch implements AutoCloseable {

    /** A candidate of the engine with the claim it stands for. */
    public record Hit(CheckedClaim claim, Candidate candidate) {}

    private final ClaimIndex index;
    private final ClaimMatcher matcher;
    private final Map<String, CheckedClaim> claims = new ConcurrentHashMap<>();

    public ClaimSearch(ClaimIndex index, ClaimMatcher matcher) {
        this.index = index;
        this.matcher = matcher;
    }

    public boolean needsRebuild() {
        return index.needsRebuild();
    }

    public int size() {
        return index.size();
    }

    /** The score from which the top candidate of a text is the same claim (AUTO). */
    public double autoThreshold() {
        return matcher.settings().autoThreshold();
    }

    /** Replaces the whole index with these claims. */
    public synchronized void replaceAll(Collection<CheckedClaim> all) {
        index.replaceAll(all.stream().map(ClaimSearch::doc).toList());
        claims.clear();
        all.forEach(claim -> claims.put(key(claim), claim));
    }

    /** Makes the index hold exactly these claims for the case (none when it was closed). */
    public synchronized void replaceCase(CaseId caseId, Collection<CheckedClaim> current) {
        List<String> stale = new ArrayList<>();
        claims.forEach((id, claim) -> {
            if (claim.caseId().equals(caseId) && current.stream().noneMatch(c -> key(c).equals(id))) {
                stale.add(id);
            }
        });
        for (String id : stale) {
            index.delete(id);
            claims.remove(id);
        }
        for (CheckedClaim claim : current) {
            index.upsert(doc(claim));
            claims.put(key(claim), claim);
        }
    }

    /** Reloads the desk-side details after a restart, when the index on disk is current. */
    public void remember(Collection<CheckedClaim> all) {
        all.forEach(claim -> claims.put(key(claim), claim));
    }

    public MatchResult match(String text, int limit) {
        MatchOutcome outcome = matcher.match(text, limit);
        List<Hit> hits = new ArrayList<>();
        for (Candidate candidate : outcome.candidates()) {
            Optional.ofNullable(claims.get(candidate.id())).ifPresent(claim -> hits.add(new Hit(claim, candidate)));
        }
        return new MatchResult(hits, outcome.truncated());
    }

    /** The hits of one text, and whether the text was cut before matching. */
    public record MatchResult(List<Hit> hits, boolean truncated) {}

    @Override
    public void close() throws IOException {
        index.close();
    }

    static String key(CheckedClaim claim) {
        return claim.id().value().toString();
    }

    private static ClaimDoc doc(CheckedClaim claim) {
        return new ClaimDoc(
                key(claim),
                claim.text(),
                claim.caseTitle(),
                claim.language(),
                claim.rating() == null ? null : claim.rating().name(),
                claim.publishedAt(),
                null);
    }
}
