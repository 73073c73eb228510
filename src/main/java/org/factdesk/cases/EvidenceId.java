package org.factdesk.cases;

import java.util.UUID;

/** Identifies one piece of evidence of a case. */
public record EvidenceId(UUID value) {

    public static EvidenceId random() {
        return new EvidenceId(UUID.randomUUID());
    }

    public static EvidenceId valueOf(String text) {
        return new EvidenceId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
