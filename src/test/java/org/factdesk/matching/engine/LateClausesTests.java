package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * The clauses scored after the search add to each candidate exactly what the same boosted term queries give it when
 * searched, in any segment and whatever the order of the candidates; a document without the terms gets nothing.
 */
class LateClausesTests {

    @Test
    void addWhatTheirTermQueriesWouldAdd() throws Exception {
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.defaults(), null, null)) {
            index.replaceAll(List.of(
                    ClaimDoc.of("lemon", "Uống nước chanh nóng mỗi sáng diệt tế bào ung thư.", null),
                    ClaimDoc.of("garlic", "Ăn tỏi sống mỗi sáng phòng được Covid-19.", null),
                    ClaimDoc.of("table", "Cái bàn này bán rẻ, mua về sáng nào cũng dùng.", null)));
            // Upserted after the rebuild: a second segment.
            index.upsert(ClaimDoc.of("ginger", "Uống nước gừng nóng mỗi sáng diệt virus corona, bán ở chợ.", null));
            index.upsert(ClaimDoc.of("salt", "Súc miệng nước muối mỗi tối.", null));

            IndexSearcher searcher = index.searchers().acquire();
            try {
                assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
                TermStatsCache.Lookup lookup = index.termStats().lookup(searcher);
                Map<String, Double> boosts = Map.of("nóng", 0.05, "sáng", 0.05, "bán", 1.0, "uống", 0.4);
                LateClauses late = new LateClauses();
                BooleanQuery.Builder searched = new BooleanQuery.Builder();
                for (var entry : boosts.entrySet()) {
                    Term term = new Term(AnalyzerSet.EXACT, entry.getKey());
                    late.add(term, lookup.states(term), entry.getValue());
                    searched.add(
                            new BoostQuery(new TermQuery(term), entry.getValue().floatValue()),
                            BooleanClause.Occur.SHOULD);
                }
                Map<Integer, Float> expected = new HashMap<>();
                for (ScoreDoc hit : searcher.search(searched.build(), 10).scoreDocs) {
                    expected.put(hit.doc, hit.score);
                }
                assertThat(expected).as("documents with and without the terms").hasSize(4);

                int maxDoc = searcher.getIndexReader().maxDoc();
                int[] docs = new int[maxDoc];
                for (int i = 0; i < maxDoc; i++) {
                    docs[i] = maxDoc - 1 - i; // backwards, across the segments
                }
                double[] scores = late.scores(searcher, lookup, docs);
                for (int i = 0; i < docs.length; i++) {
                    assertThat(scores[i])
                            .as("document %d", docs[i])
                            .isCloseTo(expected.getOrDefault(docs[i], 0f), within(1e-4));
                }
            } finally {
                index.searchers().release(searcher);
            }
        }
    }
}
