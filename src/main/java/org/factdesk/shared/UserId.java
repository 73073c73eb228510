package org.factdesk.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a user account. */
public record UserId(@JsonValue UUID value) {

    public static UserId random() {
        return new UserId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static UserId valueOf(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
