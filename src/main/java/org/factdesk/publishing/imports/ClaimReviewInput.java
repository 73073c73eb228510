package org.factdesk.publishing.imports;

import java.util.ArrayList;
import java.util.List;
import org.factdesk.publishing.ImportReport;
import org.factdesk.publishing.ImportReport.Format;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the ClaimReview objects of an input: a single JSON-LD document, a JSON array, a JSONL dump (one ClaimReview
 * per line) or markup taken from a page, each possibly an {@code @graph} container. Every object found carries its
 * position: the line number of a JSONL dump ({@code 12}), an index ({@code [3]}), a graph index ({@code @graph[1]}),
 * joined when nested ({@code 12 @graph[1]}); a single document is {@code $}. A broken line of a dump, or an entry of
 * an array or dump that is not a ClaimReview, is refused at its position; other objects of a graph are skipped.
 */
final class ClaimReviewInput {

    /** One ClaimReview object found, or one refused entry. */
    record Entry(String position, @Nullable JsonNode review, ImportReport.@Nullable Refusal refusal) {}

    /** What was found in an input, and how it was shaped. */
    record Found(Format format, List<Entry> entries) {}

    private final JsonMapper json;

    ClaimReviewInput(JsonMapper json) {
        this.json = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * The entries of an uploaded or pasted input.
     *
     * @throws Refused when the input as a whole is not JSON (the line and column of the first error)
     */
    Found read(String text) throws Refused {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String trimmed = input.strip();
        if (trimmed.startsWith("{") && looksLikeJsonLines(trimmed)) {
            return new Found(Format.JSONL, jsonLines(input));
        }
        JsonNode root = parse(trimmed);
        List<Entry> entries = new ArrayList<>();
        if (root.isArray()) {
            expand(root, "", true, entries);
            return new Found(Format.ARRAY, entries);
        }
        expand(root, "$", true, entries);
        return new Found(Format.DOCUMENT, entries);
    }

    /** The ClaimReview objects of the JSON-LD scripts of a page (other objects are skipped). */
    List<Entry> markup(List<String> scripts) throws Refused {
        List<Entry> entries = new ArrayList<>();
        Refused unreadable = null;
        for (String script : scripts) {
            try {
                expand(parse(script.strip()), "", false, entries);
            } catch (Refused refused) {
                unreadable = refused;
            }
        }
        if (entries.isEmpty() && unreadable != null) {
            throw unreadable;
        }
        return entries;
    }

    private boolean looksLikeJsonLines(String trimmed) {
        int newline = trimmed.indexOf('\n');
        if (newline < 0) {
            return false;
        }
        String firstLine = trimmed.substring(0, newline).strip();
        try {
            return json.readTree(firstLine).isObject()
                    && !trimmed.substring(newline).isBlank();
        } catch (JacksonException notALine) {
            return false;
        }
    }

    private List<Entry> jsonLines(String input) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = input.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            String position = String.valueOf(index + 1);
            if (line.isEmpty()) {
                continue;
            }
            try {
                expand(parse(line), position, true, entries);
            } catch (Refused refused) {
                entries.add(new Entry(position, null, refused.at(position)));
            }
        }
        return entries;
    }

    private JsonNode parse(String text) throws Refused {
        try {
            return json.readTree(text);
        } catch (JacksonException broken) {
            TokenStreamLocation location = broken.getLocation();
            throw location == null
                    ? new Refused("unreadable-json", "?", "?")
                    : new Refused(
                            "unreadable-json",
                            String.valueOf(location.getLineNr()),
                            String.valueOf(location.getColumnNr()));
        }
    }

    /** Adds the ClaimReviews of {@code node}; an explicit entry that is none is refused, an implicit one skipped. */
    private void expand(JsonNode node, String position, boolean explicit, List<Entry> entries) {
        if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node.values()) {
                expand(element, join(position, "[" + index++ + "]"), explicit, entries);
            }
            return;
        }
        if (node.isObject() && ClaimReviews.isClaimReview(node)) {
            entries.add(new Entry(position, node, null));
            return;
        }
        if (node.isObject() && node.path("@graph").isArray()) {
            int before = entries.size();
            int index = 0;
            for (JsonNode element : node.path("@graph").values()) {
                expand(element, join(position, "@graph[" + index++ + "]"), false, entries);
            }
            if (explicit && entries.size() == before) {
                entries.add(new Entry(position, null, new Refused("not-claimreview", "@graph").at(position)));
            }
            return;
        }
        if (node.isObject() && !node.has("@type") && node.has("claimReviewed")) {
            entries.add(new Entry(position, node, null));
            return;
        }
        if (explicit) {
            String type = node.isObject()
                    ? String.join(", ", ClaimReviews.types(node))
                    : node.getNodeType().name();
            entries.add(new Entry(
                    position, null, new Refused("not-claimreview", type.isEmpty() ? "—" : type).at(position)));
        }
    }

    private static String join(String position, String step) {
        return position.isEmpty() || position.equals("$") ? step : position + " " + step;
    }
}
