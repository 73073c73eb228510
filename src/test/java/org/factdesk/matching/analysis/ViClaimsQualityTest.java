package org.factdesk.matching.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality on the vi-claims dev set (read from {@code ../shared/data/vi-claims}, never
 * copied into the repository): BM25 over the matching fields, MAP@5 and Recall@5 printed for the
 * plain and the deaccented posts. The asserted floors only guard against regressions.
 */
class ViClaimsQualityTest {

    private static final Path DATA = Path.of("..", "shared", "data", "vi-claims");
    private static final int K = 5;

    /** Field boosts of the query: folded, exact, bigrams, English. */
    record Weights(float vi, float exact, float bigrams, float en) {}

    /**
     * Chosen on dev among a small grid (exact 0.2-0.5, bigrams 0.4-1.0, English 0-0.4): all within
     * about 0.01 MAP@5 of each other, so the round middle values are kept.
     */
    static final Weights CHOSEN = new Weights(1f, 0.3f, 0.6f, 0.2f);

    private static ByteBuffersDirectory directory;
    private static Analyzer analyzer;
    private static DirectoryReader reader;
    private static Map<String, Set<String>> qrels;

    @BeforeAll
    static void index() throws IOException {
        assumeTrue(
                Files.isRegularFile(DATA.resolve("collection.tsv")),
                "vi-claims data not found at " + DATA.toAbsolutePath() + ": quality check skipped");
        analyzer = MatchingAnalyzers.create();
        directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (String[] row : rows("collection.tsv")) {
                String text = row[1] + "\n" + row[2];
                Document doc = new Document();
                doc.add(new StoredField("id", row[0]));
                for (String field : fields()) {
                    doc.add(new TextField(field, text, Field.Store.NO));
                }
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        qrels = new HashMap<>();
        for (String[] row : rows("dev.qrels.tsv", false)) {
            qrels.computeIfAbsent(row[0], id -> new HashSet<>()).add(row[2]);
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (reader != null) {
            reader.close();
            directory.close();
            analyzer.close();
        }
    }

    private static List<String> fields() {
        return List.of(
                MatchingAnalyzers.FIELD_VI,
                MatchingAnalyzers.FIELD_VI_EXACT,
                MatchingAnalyzers.FIELD_VI_BIGRAMS,
                MatchingAnalyzers.FIELD_EN);
    }

    @Test
    void matchesPlainAndDeaccentedPostsWellAboveTheFloor() throws IOException {
        Map<String, Weights> configurations = new LinkedHashMap<>();
        configurations.put("folded field only", new Weights(1f, 0f, 0f, 0f));
        configurations.put("folded 1 + exact 0.3 + bigrams 0.6 + en 0.2", CHOSEN);
        for (var configuration : configurations.entrySet()) {
            for (String queries : List.of("dev.queries.tsv", "dev.queries.deaccented.tsv")) {
                Scores scores = evaluate(queries, configuration.getValue());
                System.out.printf(Locale.ROOT, "%-45s %-27s %s%n", configuration.getKey(), queries, scores);
            }
        }
        Scores plain = evaluate("dev.queries.tsv", CHOSEN);
        Scores deaccented = evaluate("dev.queries.deaccented.tsv", CHOSEN);
        assertTrue(plain.map() >= 0.75, () -> "MAP@5 on plain posts fell to " + plain);
        assertTrue(
                Math.abs(plain.map() - deaccented.map()) <= 0.05,
                () -> "deaccented posts drift from plain ones: " + deaccented + " vs " + plain);
    }

    record Scores(double map, double recall, double mapFirstSet, double mapHard) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "MAP@5 %.3f  R@5 %.3f  (dq %.3f, dh %.3f)", map, recall, mapFirstSet, mapHard);
        }
    }

    private static Scores evaluate(String queriesFile, Weights weights) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        double apSum = 0;
        double recallSum = 0;
        Map<String, double[]> bySubset = new HashMap<>();
        int n = 0;
        for (String[] row : rows(queriesFile)) {
            Set<String> relevant = qrels.get(row[0]);
            if (relevant == null) {
                continue;
            }
            List<String> ranking = search(searcher, row[1], weights);
            double precisionSum = 0;
            int found = 0;
            for (int i = 0; i < Math.min(K, ranking.size()); i++) {
                if (relevant.contains(ranking.get(i))) {
                    found++;
                    precisionSum += (double) found / (i + 1);
                }
            }
            double ap = precisionSum / relevant.size();
            apSum += ap;
            recallSum += (double) found / relevant.size();
            double[] subset = bySubset.computeIfAbsent(row[0].replaceAll("\\d+$", ""), s -> new double[2]);
            subset[0] += ap;
            subset[1]++;
            n++;
        }
        double[] dq = bySubset.getOrDefault("dq", new double[] {0, 1});
        double[] dh = bySubset.getOrDefault("dh", new double[] {0, 1});
        return new Scores(apSum / n, recallSum / n, dq[0] / dq[1], dh[0] / dh[1]);
    }

    private static List<String> search(IndexSearcher searcher, String text, Weights weights) throws IOException {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        addField(query, builder, MatchingAnalyzers.FIELD_VI, text, weights.vi());
        addField(query, builder, MatchingAnalyzers.FIELD_VI_EXACT, text, weights.exact());
        addField(query, builder, MatchingAnalyzers.FIELD_VI_BIGRAMS, text, weights.bigrams());
        addField(query, builder, MatchingAnalyzers.FIELD_EN, text, weights.en());
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query.build(), K).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get("id"));
        }
        return ids;
    }

    private static void addField(
            BooleanQuery.Builder query, QueryBuilder builder, String field, String text, float boost) {
        if (boost <= 0) {
            return;
        }
        Query q = builder.createBooleanQuery(field, text);
        if (q != null) {
            query.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        }
    }

    private static List<String[]> rows(String file) throws IOException {
        return rows(file, true);
    }

    private static List<String[]> rows(String file, boolean header) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve(file), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : header ? lines.subList(1, lines.size()) : lines) {
            if (!line.isBlank()) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }
}
