package org.factdesk.matching;

import java.util.List;

/**
 * The matches of one text, best first: the desk's checked claims ({@code matches}) and other organisations'
 * imported fact-checks ({@code external}), each list best first, and whether the text was cut to the configured
 * length before matching.
 */
public record MatchReport(List<DeskMatch> matches, List<ExternalMatch> external, boolean truncated) {

    public MatchReport {
        matches = List.copyOf(matches);
        external = List.copyOf(external);
    }

    public MatchReport(List<DeskMatch> matches, boolean truncated) {
        this(matches, List.of(), truncated);
    }
}
