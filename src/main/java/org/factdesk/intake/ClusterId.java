package org.factdesk.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies a near-duplicate cluster: the items that carry the same rumour. */
public record ClusterId(@JsonValue UUID value) {

    public static ClusterId random() {
        return new ClusterId(Uuids.timeOrdered());
    }

    /** Parses the text form; a malformed one is an {@link IllegalArgumentException} (a 400 on the web). */
    @JsonCreator
    public static ClusterId valueOf(String text) {
        return new ClusterId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
