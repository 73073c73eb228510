package org.factdesk.matching;

import java.util.List;

/** The matches of one text, best first, and whether the text was cut to the configured length before matching. */
public record MatchReport(List<DeskMatch> matches, boolean truncated) {

    public MatchReport {
        matches = List.copyOf(matches);
    }
}
