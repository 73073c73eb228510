package org.factdesk.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies a claim of a case: one checkable statement. */
public record ClaimId(@JsonValue UUID value) {

    public static ClaimId random() {
        return new ClaimId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static ClaimId valueOf(String text) {
        return new ClaimId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
