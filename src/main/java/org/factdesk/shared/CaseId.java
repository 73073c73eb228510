package org.factdesk.shared;

import java.util.UUID;

/** Identifies a case: the work on one or more claims. */
public record CaseId(UUID value) {

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    public static CaseId valueOf(String text) {
        return new CaseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
