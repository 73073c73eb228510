package org.factdesk.archive;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies one archived capture of a URL. */
public record SnapshotId(@JsonValue UUID value) {

    public static SnapshotId random() {
        return new SnapshotId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static SnapshotId valueOf(String text) {
        return new SnapshotId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
