package org.factdesk.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies one piece of evidence of a case. */
public record EvidenceId(@JsonValue UUID value) {

    public static EvidenceId random() {
        return new EvidenceId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static EvidenceId valueOf(String text) {
        return new EvidenceId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
