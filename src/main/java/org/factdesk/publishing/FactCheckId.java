package org.factdesk.publishing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies a fact-check article. */
public record FactCheckId(@JsonValue UUID value) {

    public static FactCheckId random() {
        return new FactCheckId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static FactCheckId valueOf(String text) {
        return new FactCheckId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
