package org.factdesk.feeds;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies a feed subscription; also the id of its db-scheduler task instance. */
public record FeedId(@JsonValue UUID value) {

    public static FeedId random() {
        return new FeedId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static FeedId valueOf(String text) {
        return new FeedId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
