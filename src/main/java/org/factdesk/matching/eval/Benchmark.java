package org.factdesk.matching.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factdesk.matching.engine.ClaimDoc;
import org.jspecify.annotations.Nullable;

/**
 * A claim-matching benchmark read from disk: the collection, the queries and the qrels (positives only). Formats are
 * those of /work/shared/data/README.md.
 */
public record Benchmark(List<ClaimDoc> collection, Map<String, String> queries, Map<String, Set<String>> qrels) {

    public enum Format {
        CLEF2020,
        CLEF2022,
        TSV
    }

    public static Benchmark read(Format format, Path collection, Path queries, Path qrels) throws IOException {
        List<ClaimDoc> claims = switch (format) {
            case CLEF2020, TSV -> tsvCollection(collection);
            case CLEF2022 -> jsonlCollection(collection);
        };
        Map<String, String> q = queries(queries, format != Format.CLEF2022);
        Map<String, Set<String>> r = qrels(qrels);
        if (claims.isEmpty()) {
            throw new IOException("No claims in " + collection);
        }
        if (r.isEmpty()) {
            throw new IOException("No qrels in " + qrels);
        }
        return new Benchmark(List.copyOf(claims), q, r);
    }

    /** Only the qrels whose query id starts with one of the prefixes (e.g. vi-claims' "dq", "dh"). */
    public Benchmark onlyQueriesStartingWith(List<String> prefixes) {
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        qrels.forEach((id, rel) -> {
            if (prefixes.stream().anyMatch(id::startsWith)) {
                kept.put(id, rel);
            }
        });
        return new Benchmark(collection, queries, kept);
    }

    private static List<ClaimDoc> tsvCollection(Path file) throws IOException {
        List<ClaimDoc> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length < 2 || cols[0].isBlank()) {
                continue;
            }
            String title = cols.length > 2 && !cols[2].isBlank() ? unquote(cols[2]) : null;
            out.add(ClaimDoc.of(cols[0].strip(), unquote(cols[1]), title));
        }
        return out;
    }

    private static List<ClaimDoc> jsonlCollection(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ClaimDoc> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String title = join(text(node, "title"), text(node, "subtitle"));
            out.add(ClaimDoc.of(
                    node.path("vclaim_id").asText(), node.path("vclaim").asText(""), title));
        }
        return out;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "\n" + b;
    }

    private static Map<String, String> queries(Path file, boolean header) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = header ? 1 : 0; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length >= 2 && !cols[0].isBlank()) {
                out.put(cols[0].strip(), unquote(cols[1]));
            }
        }
        return out;
    }

    private static Map<String, Set<String>> qrels(Path file) throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length >= 4 && !cols[3].equals("0")) {
                out.computeIfAbsent(cols[0], k -> new LinkedHashSet<>()).add(cols[2]);
            } else if (cols.length == 3) {
                out.computeIfAbsent(cols[0], k -> new LinkedHashSet<>()).add(cols[2]);
            }
        }
        return out;
    }

    /** CSV-style quoting as in the CLEF-2020 files: {@code "a ""b"" c"} is {@code a "b" c}. */
    static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }
}
