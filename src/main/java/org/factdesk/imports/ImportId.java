package org.factdesk.imports;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies an import job. */
public record ImportId(@JsonValue UUID value) {

    public static ImportId random() {
        return new ImportId(UUID.randomUUID());
    }

    public static ImportId valueOf(String value) {
        return new ImportId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
