package org.factdesk.shared;

import java.util.UUID;

/** Identifies an item: one piece of content seen in the wild. */
public record ItemId(UUID value) {

    public static ItemId random() {
        return new ItemId(UUID.randomUUID());
    }

    public static ItemId valueOf(String text) {
        return new ItemId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
