package org.factdesk.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a unit (an organisation) of the network. */
public record UnitId(@JsonValue UUID value) {

    public static UnitId random() {
        return new UnitId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static UnitId valueOf(String text) {
        return new UnitId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
