package org.factdesk.publishing;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * What an import of ClaimReview records did: how many were new, changed or the same as before, and each record that
 * was refused with its position in the input and the reason. Good records are kept whatever happens to the others.
 */
public record ImportReport(Format format, int imported, int updated, int unchanged, List<Refusal> refused)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public ImportReport {
        refused = List.copyOf(refused);
    }

    /** The shape of the input, which tells how to read the positions of refusals. */
    public enum Format {
        /** One JSON-LD document; position {@code $}, or {@code @graph[i]} inside a graph. */
        DOCUMENT,
        /** A JSON array; position {@code [i]}, from 0. */
        ARRAY,
        /** One ClaimReview per line; position the line number, from 1. */
        JSONL,
        /** Pages of a list of URLs; position the URL as written in the list. */
        URLS
    }

    /**
     * One refused record.
     *
     * @param position where it was, as the {@link Format} says: {@code 12} (a JSONL line), {@code [3]} (array index),
     *     {@code @graph[1]}, {@code 12 @graph[1]} (nested), {@code $} (the document), or the page URL
     * @param code the reason's message key in {@code i18n/publishing_*.properties}
     * @param arguments the reason's arguments (a field name, the rating text, ...)
     */
    public record Refusal(String position, String code, List<String> arguments) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        public Refusal {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /** The position as a reader of a log takes it: {@code line 12} for a JSONL line, else as it is. */
    public String positionLabel(Refusal refusal) {
        return format == Format.JSONL ? "line " + refusal.position() : refusal.position();
    }

    /** The counts in one line: {@code imported N, updated U, unchanged C, refused R}. */
    public String summary() {
        return "imported %d, updated %d, unchanged %d, refused %d"
                .formatted(imported, updated, unchanged, refused.size());
    }
}
