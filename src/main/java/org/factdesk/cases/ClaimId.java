package org.factdesk.cases;

import java.util.UUID;

/** Identifies a claim of a case: one checkable statement. */
public record ClaimId(UUID value) {

    public static ClaimId random() {
        return new ClaimId(UUID.randomUUID());
    }

    public static ClaimId valueOf(String text) {
        return new ClaimId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
