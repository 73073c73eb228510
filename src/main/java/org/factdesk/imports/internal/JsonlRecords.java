package org.factdesk.imports.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.factdesk.imports.internal.SourceRecord.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of a JSON Lines file: one JSON object a line, blank lines skipped. A line that is not JSON, or JSON but not
 * an object, is a rejected row; the next line is read as usual. Strings and numbers are taken as text, {@code null} as
 * missing, nested objects and arrays as their JSON text (kept as attributes when the column is not a known one).
 */
final class JsonlRecords implements RecordSource {

    private final Utf8Lines lines;
    private final JsonMapper json;

    JsonlRecords(Utf8Lines lines, JsonMapper json) {
        this.lines = lines;
        this.json = json;
    }

    @Override
    public @Nullable SourceRecord next() throws IOException {
        while (true) {
            Utf8Lines.Line line = lines.next();
            if (line == null) {
                return null;
            }
            long next = line.number() + 1;
            if (line.tooLong()) {
                return new SourceRecord(
                        line.number(),
                        next,
                        line.endOffset(),
                        null,
                        Problem.of(line.number(), null, "imports.row.line-too-long", "", line.number()));
            }
            if (line.text().isBlank()) {
                continue;
            }
            if (line.malformed()) {
                return new SourceRecord(
                        line.number(),
                        next,
                        line.endOffset(),
                        null,
                        Problem.of(line.number(), null, "imports.row.encoding", line.text(), line.number()));
            }
            JsonNode node;
            try {
                node = json.readTree(line.text());
            } catch (JacksonException notJson) {
                return new SourceRecord(
                        line.number(),
                        next,
                        line.endOffset(),
                        null,
                        Problem.of(line.number(), null, "imports.row.json", line.text()));
            }
            if (node == null || !node.isObject()) {
                return new SourceRecord(
                        line.number(),
                        next,
                        line.endOffset(),
                        null,
                        Problem.of(line.number(), null, "imports.row.json-object", line.text()));
            }
            Map<String, @Nullable String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                JsonNode value = property.getValue();
                fields.put(
                        property.getKey(),
                        value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
            }
            return new SourceRecord(line.number(), next, line.endOffset(), fields, null);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
