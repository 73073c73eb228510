package org.factdesk.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies a comment on a case. */
public record CommentId(@JsonValue UUID value) {

    public static CommentId random() {
        return new CommentId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static CommentId valueOf(String text) {
        return new CommentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
