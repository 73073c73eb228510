package org.factdesk.imports;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.factdesk.shared.Uuids;

/** Identifies an import job. */
public record ImportId(@JsonValue UUID value) {

    public static ImportId random() {
        return new ImportId(Uuids.timeOrdered());
    }

    public static ImportId valueOf(String value) {
        return new ImportId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
