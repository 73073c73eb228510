package org.factdesk.matching.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.factdesk.cases.CheckedClaim;
import org.factdesk.cases.Rating;
import org.factdesk.matching.engine.Candidate;
import org.factdesk.matching.engine.ClaimDoc;
import org.factdesk.matching.engine.ClaimIndex;
import org.factdesk.matching.engine.ClaimMatcher;
import org.factdesk.matching.engine.MatchOutcome;
import org.factdesk.publishing.ExternalFactCheckId;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * The desk's view of the engine: the Lucene index of checked claims plus what the desk needs to show a hit (its case,
 * its verdict), kept in memory by claim id. One instance per application, opened on the data directory.
 */
public final class ClaimSearch implements AutoCloseable {

    /** A candidate of the engine with the claim it stands for. */
    public record Hit(CheckedClaim claim, Candidate candidate) {}

    /** A candidate that stands for another organisation's imported fact-check. */
    public record ExternalHit(ExternalClaim claim, Candidate candidate) {}

    /** What matching keeps of an imported fact-check. */
    public record ExternalClaim(
            ExternalFactCheckId id,
            String url,
            String organisation,
            String claim,
            Language language,
            Rating rating,
            @Nullable String ratingText,
            @Nullable Instant publishedAt) {}

    /** Index ids of imported fact-checks carry this prefix, so that they never meet a claim id. */
    static final String EXTERNAL = "external:";

    private final ClaimIndex index;
    private final ClaimMatcher matcher;
    private final Map<String, CheckedClaim> claims = new ConcurrentHashMap<>();
    private final Map<String, ExternalClaim> externals = new ConcurrentHashMap<>();

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

    /** Replaces the whole index with these claims and imported fact-checks. */
    public synchronized void replaceAll(Collection<CheckedClaim> all, Collection<ExternalClaim> imported) {
        List<ClaimDoc> docs = new ArrayList<>();
        all.forEach(claim -> docs.add(doc(claim)));
        imported.forEach(external -> docs.add(doc(external)));
        index.replaceAll(docs);
        claims.clear();
        all.forEach(claim -> claims.put(key(claim), claim));
        externals.clear();
        imported.forEach(external -> externals.put(key(external), external));
    }

    /** Adds or replaces an imported fact-check. */
    public synchronized void upsert(ExternalClaim external) {
        index.upsert(doc(external));
        externals.put(key(external), external);
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
    public void remember(Collection<CheckedClaim> all, Collection<ExternalClaim> imported) {
        all.forEach(claim -> claims.put(key(claim), claim));
        imported.forEach(external -> externals.put(key(external), external));
    }

    public MatchResult match(String text, int limit) {
        return result(matcher.match(text, limit));
    }

    /**
     * {@link #match} for callers that keep only suggested and auto-linked hits: a text that no claim can bring to
     * the suggestion threshold is not ranked (see {@link ClaimMatcher#suggestions}).
     */
    public MatchResult suggestions(String text, int limit) {
        return result(matcher.suggestions(text, limit));
    }

    private MatchResult result(MatchOutcome outcome) {
        List<Hit> hits = new ArrayList<>();
        List<ExternalHit> external = new ArrayList<>();
        for (Candidate candidate : outcome.candidates()) {
            Optional.ofNullable(claims.get(candidate.id())).ifPresent(claim -> hits.add(new Hit(claim, candidate)));
            Optional.ofNullable(externals.get(candidate.id()))
                    .ifPresent(claim -> external.add(new ExternalHit(claim, candidate)));
        }
        return new MatchResult(hits, external, outcome.truncated());
    }

    /** The hits of one text (checked claims, then imported fact-checks), and whether the text was cut. */
    public record MatchResult(List<Hit> hits, List<ExternalHit> external, boolean truncated) {}

    @Override
    public void close() throws IOException {
        index.close();
    }

    static String key(CheckedClaim claim) {
        return claim.id().value().toString();
    }

    static String key(ExternalClaim external) {
        return EXTERNAL + external.id().value();
    }

    private static ClaimDoc doc(ExternalClaim external) {
        return new ClaimDoc(
                key(external),
                external.claim(),
                null,
                external.language(),
                external.rating().name(),
                external.publishedAt(),
                external.url());
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
