package org.factdesk.matching.engine;

import java.util.List;

/**
 * The candidates, best first; {@code truncated} when only the first part of a long text was matched; {@code ranked}
 * false when {@link ClaimMatcher#suggestions} found that no claim could be suggested and did not rank the text.
 */
public record MatchOutcome(List<Candidate> candidates, boolean truncated, boolean ranked) {

    public MatchOutcome {
        candidates = List.copyOf(candidates);
    }

    public MatchOutcome(List<Candidate> candidates, boolean truncated) {
        this(candidates, truncated, true);
    }
}
