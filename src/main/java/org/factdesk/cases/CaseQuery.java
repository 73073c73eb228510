package org.factdesk.cases;

import org.jspecify.annotations.Nullable;

/** Filters of the case list: a state, and whether to show only the cases assigned to the asker. */
public record CaseQuery(@Nullable CaseState state, boolean assignedToMe) {

    public static CaseQuery all() {
        return new CaseQuery(null, false);
    }
}
