package org.factdesk.matching.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One matched claim group: {@code id} is its representative, {@code twins} the near-identical claims grouped with it.
 * {@code score} is calibrated into [0,1] and never rises down the list; {@code bm25} is the raw BM25 score and {@code
 * dense} the cosine similarity when dense re-ranking ran. {@code highlights} are the parts of the claim text that the
 * query shares, for the UI to highlight.
 */
public record Candidate(
        String id,
        List<String> twins,
        double score,
        Band band,
        List<String> highlights,
        double bm25,
        @Nullable Double dense) {

    public Candidate {
        twins = List.copyOf(twins);
        highlights = List.copyOf(highlights);
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score outside [0,1]: " + score);
        }
    }

    /** The representative and its twins. */
    public List<String> members() {
        if (twins.isEmpty()) {
            return List.of(id);
        }
        var all = new java.util.ArrayList<String>(twins.size() + 1);
        all.add(id);
        all.addAll(twins);
        return List.copyOf(all);
    }
}
