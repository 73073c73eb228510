package org.factdesk.shared;

import java.util.UUID;

/** Identifies a unit (an organisation) of the network. */
public record UnitId(UUID value) {

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    public static UnitId valueOf(String text) {
        return new UnitId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
