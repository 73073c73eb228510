package org.factdesk.matching;

import java.util.List;
import org.factdesk.intake.Item;
import org.factdesk.shared.CaseId;

/**
 * What matching knows about a case: the published fact-checks that its claims or its items already repeat (the case's
 * own claims left out), and the stored matches of each of its items with the checkers' decisions.
 *
 * @param repeats published fact-checks, best match first
 * @param items the case's items in the order they were attached, each with its stored matches
 */
public record CaseMatches(CaseId caseId, String caseTitle, List<Repeat> repeats, List<OfItem> items) {

    public CaseMatches {
        repeats = List.copyOf(repeats);
        items = List.copyOf(items);
    }

    /**
     * A published fact-check that the case repeats: found from one of the case's claims ({@code byClaim}), from the
     * stored matches of {@code byItems} of its items (rejected ones not counted), or both. The match carries the best
     * score and band seen.
     */
    public record Repeat(DeskMatch factCheck, boolean byClaim, int byItems) {}

    /** An item of the case with its stored matches; {@code decidable} when the user may confirm or reject them. */
    public record OfItem(Item item, boolean decidable, List<ItemMatch> matches) {

        public OfItem {
            matches = List.copyOf(matches);
        }
    }
}
