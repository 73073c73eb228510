package org.factdesk.matching;

import org.factdesk.cases.Rating;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * A search over the checked claims: a text, matched with the same analysis as posts (with or without diacritics,
 * teencode, English), or no text for the latest fact-checks; optionally of one rating and one language (null means
 * any). A rating narrows the search to published fact-checks.
 */
public record ClaimQuery(
        @Nullable String text,
        @Nullable Rating rating,
        @Nullable Language language) {

    public static final ClaimQuery LATEST = new ClaimQuery(null, null, null);

    /** Whether there is a text to match, so that the results are ranked by how well they match it. */
    public boolean ranked() {
        return text != null && !text.isBlank();
    }
}
