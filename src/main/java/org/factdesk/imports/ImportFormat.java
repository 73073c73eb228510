package org.factdesk.imports;

import java.util.Locale;

/** The file formats an export can come in: CSV with a header row, or JSON Lines (one JSON object a line). */
public enum ImportFormat {
    CSV,
    JSONL;

    /** Accepts {@code csv} and {@code jsonl} in any case. */
    public static ImportFormat fromName(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl", "ndjson" -> JSONL;
            default -> throw new ImportExceptions.InvalidImport("imports.error.format", name);
        };
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
