package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class WideWindowQueryTests {

    /**
     * Random disjunctions of 5 to 120 boosted term clauses over a three-segment index with deletions, words drawn
     * from a skewed vocabulary (so that some terms have postings in many blocks and some in few): the top hits and
     * their scores are exactly those of the plain disjunction, for narrow and wide windows.
     */
    @Test
    void findsTheSameTopHitsWithTheSameScoresAsThePlainDisjunction() throws IOException {
        Random random = new Random(42);
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (int segment = 0; segment < 3; segment++) {
                    for (int i = 0; i < 6000; i++) {
                        Document doc = new Document();
                        doc.add(new StringField("id", segment + "-" + i, Field.Store.NO));
                        doc.add(new TextField("body", words(random, 5 + random.nextInt(40)), Field.Store.NO));
                        doc.add(new TextField("pairs", words(random, 3 + random.nextInt(10)), Field.Store.NO));
                        writer.addDocument(doc);
                    }
                    writer.commit();
                }
                for (int i = 0; i < 500; i++) {
                    writer.deleteDocuments(new Term("id", random.nextInt(3) + "-" + random.nextInt(6000)));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                int compared = 0;
                for (int q = 0; q < 200; q++) {
                    List<Query> clauses = new ArrayList<>();
                    int size = 5 + random.nextInt(116);
                    for (int c = 0; c < size; c++) {
                        Query term = new TermQuery(new Term(random.nextBoolean() ? "body" : "pairs", word(random)));
                        clauses.add(random.nextInt(3) == 0 ? new BoostQuery(term, 0.05f + random.nextFloat()) : term);
                    }
                    int window = List.of(1, 64, 256 * size, 100_000).get(random.nextInt(4));
                    ScoreDoc[] plain = top(searcher, disjunction(clauses, 0));
                    ScoreDoc[] wide = top(searcher, disjunction(clauses, window));
                    assertThat(wide).hasSameSizeAs(plain);
                    java.util.Set<Integer> plainDocs = new java.util.HashSet<>();
                    for (ScoreDoc hit : plain) {
                        plainDocs.add(hit.doc);
                    }
                    float last = plain.length == 0 ? 0 : plain[plain.length - 1].score;
                    for (int i = 0; i < plain.length; i++) {
                        // MaxScore adds a document's clause scores in an order that depends on its windows, so
                        // scores may differ in the last bit, and documents tied to that precision may swap.
                        assertThat(wide[i].score)
                                .as("query %d, rank %d", q, i)
                                .isCloseTo(plain[i].score, org.assertj.core.data.Percentage.withPercentage(1e-4));
                        if (!plainDocs.contains(wide[i].doc)) {
                            assertThat(wide[i].score)
                                    .as("query %d, rank %d: a document the plain search does not have", q, i)
                                    .isCloseTo(last, org.assertj.core.data.Percentage.withPercentage(1e-4));
                        }
                    }
                    compared += plain.length;
                }
                assertThat(compared).isGreaterThan(2000);
            }
        }
    }

    private static ScoreDoc[] top(IndexSearcher searcher, Query query) throws IOException {
        @SuppressWarnings("deprecation")
        var collector = new TopScoreDocCollectorManager(15, null, 15, false);
        return searcher.search(query, collector).scoreDocs;
    }

    private static Query disjunction(List<Query> clauses, int window) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            builder.add(window == 0 ? clause : new WideWindowQuery(clause, window), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(word(random)).append(' ');
        }
        return text.toString();
    }

    /** One of 3,000 words, the first ones far more often (roughly Zipf). */
    private static String word(Random random) {
        return "w" + (int) Math.floor(Math.pow(3000, random.nextDouble()) - 1);
    }
}
