package org.factdesk.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a case: the work on one or more claims. */
public record CaseId(@JsonValue UUID value) {

    public static CaseId random() {
        return new CaseId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static CaseId valueOf(String text) {
        return new CaseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
