package org.factdesk.imports;

import java.time.Instant;
import java.util.Map;

/**
 * A row of an imported file that an item came from, or that repeated it: which import, when, its line, and the
 * extra columns of the row (those FactDesk has no field for), in the file's order.
 */
public record ImportedRow(
        ImportId job, String fileName, Instant importedAt, long line, Map<String, String> attributes) {

    public ImportedRow {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
