package org.factdesk.matching.engine;

import java.util.List;

/** The candidates, best first; {@code truncated} when only the first part of a long text was matched. */
public record MatchOutcome(List<Candidate> candidates, boolean truncated) {

    public MatchOutcome {
        candidates = List.copyOf(candidates);
    }
}
