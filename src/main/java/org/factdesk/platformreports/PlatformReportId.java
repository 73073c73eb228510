package org.factdesk.platformreports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies a report of an item to a platform. */
public record PlatformReportId(@JsonValue UUID value) {

    public static PlatformReportId random() {
        return new PlatformReportId(Uuids.timeOrdered());
    }

    @JsonCreator
    public static PlatformReportId valueOf(String text) {
        return new PlatformReportId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
