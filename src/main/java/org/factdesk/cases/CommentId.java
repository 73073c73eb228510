package org.factdesk.cases;

import java.util.UUID;

/** Identifies a comment on a case. */
public record CommentId(UUID value) {

    public static CommentId random() {
        return new CommentId(UUID.randomUUID());
    }

    public static CommentId valueOf(String text) {
        return new CommentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
