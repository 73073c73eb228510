package org.factdesk.publishing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies another organisation's fact-check imported from its ClaimReview markup. */
public record ExternalFactCheckId(@JsonValue UUID value) {

    public static ExternalFactCheckId random() {
        return new ExternalFactCheckId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static ExternalFactCheckId valueOf(String text) {
        return new ExternalFactCheckId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
