package org.factdesk.tipline;

import java.util.List;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;

/**
 * What became of a tip: its reference (for the tipper to quote), the item it became, the language to answer in, and
 * the published fact-checks that answer it now (empty: thank the tipper; the answer follows when one is published).
 *
 * @param repeated the channel delivered this message before; it was not stored again
 */
public record TipOutcome(
        String reference, ItemId item, Language language, List<PublicFactCheck> answers, boolean repeated) {

    public TipOutcome {
        answers = List.copyOf(answers);
    }

    public boolean answered() {
        return !answers.isEmpty();
    }
}
