package org.factdesk.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an item: one piece of content seen in the wild. */
public record ItemId(@JsonValue UUID value) {

    public static ItemId random() {
        return new ItemId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static ItemId valueOf(String text) {
        return new ItemId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
