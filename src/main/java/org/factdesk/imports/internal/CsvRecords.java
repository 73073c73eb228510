package org.factdesk.imports.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factdesk.imports.internal.SourceRecord.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an RFC 4180 CSV file (comma separated, fields optionally in double quotes, a doubled quote inside quotes
 * is one quote, a quoted field may span lines), read line by line from {@link Utf8Lines}.
 *
 * <p>Why not a CSV library: a library reads past a broken quote to the end of the file (the whole rest of an export
 * becomes one field) and knows neither byte offsets (the checkpoint) nor which line had bad bytes. Here a quoted field
 * may span at most {@code maxRecordChars} characters; a quote never closed within that, closed at the end of the file
 * or followed by anything but a comma or the line's end makes the row rejected as broken quoting at its first line, and
 * reading starts again on the line after it, so one stray quote costs one row (plus rows it garbled), not the rest of
 * the file. A quote inside an unquoted field is kept as a character, as exporters that do not quote write it.
 */
final class CsvRecords implements RecordSource {

    private final Utf8Lines lines;
    private List<String> header;
    private final int maxRecordChars;
    private final Deque<Utf8Lines.Line> pushedBack = new ArrayDeque<>();

    CsvRecords(Utf8Lines lines, List<String> header, int maxRecordChars) {
        this.lines = lines;
        this.header = header;
        this.maxRecordChars = maxRecordChars;
    }

    /** The result of parsing one row: its fields, or a quoting problem, and the lines it took. */
    record Parsed(
            List<Utf8Lines.Line> lines,
            @Nullable List<String> fields,
            @Nullable String quotingProblem) {}

    @Override
    public @Nullable SourceRecord next() throws IOException {
        while (true) {
            Parsed parsed = parse();
            if (parsed == null) {
                return null;
            }
            Utf8Lines.Line first = parsed.lines().get(0);
            Utf8Lines.Line last = parsed.lines().get(parsed.lines().size() - 1);
            if (parsed.fields() == null) {
                return new SourceRecord(
                        first.number(),
                        last.number() + 1,
                        last.endOffset(),
                        null,
                        Problem.of(first.number(), null, parsed.quotingProblem(), first.text()));
            }
            List<String> fields = parsed.fields();
            if (fields.size() == 1 && fields.get(0).isBlank() && parsed.lines().size() == 1) {
                continue; // a blank line
            }
            return toRecord(parsed, first, last);
        }
    }

    private SourceRecord toRecord(Parsed parsed, Utf8Lines.Line first, Utf8Lines.Line last) {
        long nextLine = last.number() + 1;
        for (Utf8Lines.Line line : parsed.lines()) {
            if (line.tooLong()) {
                return new SourceRecord(
                        first.number(),
                        nextLine,
                        last.endOffset(),
                        null,
                        Problem.of(line.number(), null, "imports.row.line-too-long", "", line.number()));
            }
            if (line.malformed()) {
                return new SourceRecord(
                        first.number(),
                        nextLine,
                        last.endOffset(),
                        null,
                        Problem.of(first.number(), null, "imports.row.encoding", line.text(), line.number()));
            }
        }
        List<String> fields = parsed.fields();
        if (fields.size() != header.size()) {
            return new SourceRecord(
                    first.number(),
                    nextLine,
                    last.endOffset(),
                    null,
                    Problem.of(
                            first.number(), null, "imports.row.columns", first.text(), header.size(), fields.size()));
        }
        Map<String, @Nullable String> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.put(header.get(i), fields.get(i));
        }
        return new SourceRecord(first.number(), nextLine, last.endOffset(), byName, null);
    }

    private Utf8Lines.@Nullable Line nextLine() throws IOException {
        return pushedBack.isEmpty() ? lines.next() : pushedBack.pop();
    }

    /** Parses the next row from the lines; null at the end of the file. */
    @Nullable
    Parsed parse() throws IOException {
        Utf8Lines.Line first = nextLine();
        if (first == null) {
            return null;
        }
        List<Utf8Lines.Line> taken = new ArrayList<>();
        taken.add(first);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        boolean afterQuote = false;
        int chars = 0;
        String text = first.text();
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (inQuotes) {
                    Utf8Lines.Line more = nextLine();
                    if (more == null) {
                        return broken(taken, "imports.row.unclosed-quote");
                    }
                    taken.add(more);
                    chars += text.length() + 1;
                    if (chars > maxRecordChars) {
                        return broken(taken, "imports.row.unclosed-quote");
                    }
                    field.append('\n');
                    text = more.text();
                    i = 0;
                    continue;
                }
                fields.add(field.toString());
                return new Parsed(taken, fields, null);
            }
            char c = text.charAt(i++);
            if (inQuotes) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
                afterQuote = false;
            } else if (afterQuote) {
                return broken(taken, "imports.row.stray-quote");
            } else if (c == '"' && field.isEmpty() && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                field.append(c);
            }
        }
    }

    /**
     * A row with broken quoting: rejected at its first line; the lines it swallowed after that are read again as rows
     * of their own.
     */
    private Parsed broken(List<Utf8Lines.Line> taken, String problem) {
        for (int i = taken.size() - 1; i >= 1; i--) {
            pushedBack.push(taken.get(i));
        }
        return new Parsed(List.of(taken.get(0)), null, problem);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
