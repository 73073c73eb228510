package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;

/**
 * The term statistics kept per index reader ({@link TermStatsCache}) never outlive the reader: after claims change,
 * a text is ranked and scored exactly as by an index built afresh with the same claims, and asking again gives the
 * same answer as the first time.
 */
class TermStatsCacheTests {

    private static final ClaimDoc LEMON =
            ClaimDoc.of("lemon", "Uống nước chanh nóng mỗi sáng có thể tiêu diệt tế bào ung thư trong cơ thể.", null);
    private static final ClaimDoc GARLIC = ClaimDoc.of("garlic", "Ăn tỏi sống mỗi sáng phòng được Covid-19.", null);
    private static final ClaimDoc GINGER =
            ClaimDoc.of("ginger", "Uống nước gừng nóng mỗi sáng tiêu diệt virus corona trong cổ họng.", null);
    private static final ClaimDoc SALT =
            ClaimDoc.of("salt", "Súc miệng nước muối mỗi sáng tiêu diệt virus corona trong cổ họng.", null);

    private static final List<String> TEXTS = List.of(
            "uong nuoc gung nong moi sang la tieu diet virus corona trong co hong",
            "nước chanh nóng mỗi sáng diệt tế bào ung thư",
            "súc miệng nước muối mỗi sáng có diệt được corona không",
            "ăn tỏi sống phòng covid");

    @Test
    void aChangedIndexIsRankedLikeAFreshOneAndRepeatsItsAnswers() throws Exception {
        try (ClaimIndex changing = ClaimIndex.inMemory(AnalyzerSet.defaults(), null, null)) {
            ClaimMatcher matcher = new ClaimMatcher(changing, MatcherSettings.defaults());
            changing.replaceAll(List.of(LEMON, GARLIC));
            assertThat(ranking(matcher)).isEqualTo((fresh(LEMON, GARLIC)));
            assertThat(docFreq(changing, "sang")).isEqualTo(2);
            assertThat(docFreq(changing, "gung")).as("no claim has it yet").isZero();
            assertThat(docFreq(changing, "gung")).as("remembered as absent").isZero();

            // New claims change the document frequency of "mỗi sáng", "nước", "tiêu diệt": stale statistics would
            // change the scores.
            changing.upsert(GINGER);
            changing.upsert(SALT);
            List<String> afterUpsert = ranking(matcher);
            assertThat(afterUpsert).isEqualTo((fresh(LEMON, GARLIC, GINGER, SALT)));
            assertThat(afterUpsert.get(0)).startsWith("ginger ");
            assertThat(ranking(matcher)).as("asked again, from the cache").isEqualTo(afterUpsert);
            assertThat(docFreq(changing, "sang")).isEqualTo(4);
            assertThat(docFreq(changing, "gung"))
                    .as("absent only for the reader that lacked it")
                    .isEqualTo(1);

            changing.delete("ginger");
            assertThat(ranking(matcher)).isEqualTo((fresh(LEMON, GARLIC, SALT)));
            assertThat(docFreq(changing, "sang")).isEqualTo(3);
        }
    }

    /**
     * Each segment's term filter lets the lookups skip segments that lack a term; it must never skip one that has it.
     * Over several segments, every term of every looked-up field has the document frequency the reader gives, the
     * filters hold every term of their segment and turn most others away, and a closed segment's filters are dropped.
     */
    @Test
    void segmentFiltersNeverHideATermAndDropWithTheirSegment() throws Exception {
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.defaults(), null, null)) {
            index.replaceAll(List.of(LEMON, GARLIC));
            index.upsert(GINGER);
            index.upsert(SALT);
            index.upsert(
                    ClaimDoc.of("5g", "Sóng 5G lây lan virus corona, mn đừng lắp trạm nha", "5G spreads the virus"));
            IndexSearcher searcher = index.searchers().acquire();
            try {
                var reader = searcher.getIndexReader();
                assertThat(reader.leaves()).as("several segments").hasSizeGreaterThan(1);
                TermStatsCache.Lookup lookup = index.termStats().lookup(searcher);
                int present = 0;
                int absent = 0;
                int turnedAway = 0;
                for (String field :
                        List.of(AnalyzerSet.FOLDED, AnalyzerSet.EXACT, AnalyzerSet.BIGRAM, AnalyzerSet.ENGLISH)) {
                    java.util.Set<String> seen = new java.util.TreeSet<>();
                    List<TermFilter> filters = new ArrayList<>();
                    for (var leaf : reader.leaves()) {
                        var terms = leaf.reader().terms(field);
                        TermFilter filter = TermFilter.of(terms);
                        filters.add(filter);
                        if (terms == null) {
                            continue;
                        }
                        var each = terms.iterator();
                        for (var term = each.next(); term != null; term = each.next()) {
                            String text = term.utf8ToString();
                            seen.add(text);
                            assertThat(filter.mayContain(text.hashCode()))
                                    .as("the filter holds " + text)
                                    .isTrue();
                        }
                    }
                    for (String term : seen) {
                        assertThat(lookup.docFreq(field, term))
                                .as(field + ":" + term)
                                .isEqualTo(reader.docFreq(new Term(field, term)))
                                .isPositive();
                        present++;
                    }
                    for (int i = 0; i < 500; i++) {
                        String missing = "zz" + Integer.toString(i * 7919, 36) + " q" + i;
                        assertThat(lookup.docFreq(field, missing)).isZero();
                        absent++;
                        for (TermFilter filter : filters) {
                            if (!filter.mayContain(missing.hashCode())) {
                                turnedAway++;
                            }
                        }
                    }
                }
                assertThat(present).isGreaterThan(50);
                assertThat(turnedAway)
                        .as("absent terms a filter answers without a seek")
                        .isGreaterThan(absent * reader.leaves().size() * 95 / 100);
                assertThat(index.termStats().filteredSegments())
                        .isEqualTo(reader.leaves().size());
            } finally {
                index.searchers().release(searcher);
            }
            // Replacing every claim closes the old segments; their filters go with them.
            index.replaceAll(List.of(SALT));
            ranking(new ClaimMatcher(index, MatcherSettings.defaults()));
            IndexSearcher after = index.searchers().acquire();
            try {
                assertThat(index.termStats().filteredSegments())
                        .isEqualTo(after.getIndexReader().leaves().size());
            } finally {
                index.searchers().release(after);
            }
        }
    }

    @Test
    void aTermsHashIsTheHashOfItsString() {
        for (String text : List.of("", "a", "mọi người", "vắc xin", "😷 covid", "đ\u0301")) {
            char[] chars = text.toCharArray();
            assertThat(TermFilter.hash(chars, chars.length)).isEqualTo(text.hashCode());
        }
    }

    /** The folded term's document frequency, as the matcher's lookups see it. */
    private static int docFreq(ClaimIndex index, String folded) throws Exception {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            return index.termStats().lookup(searcher).docFreq(new Term(AnalyzerSet.FOLDED, folded));
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** Every text's candidates with their BM25 and calibrated scores, as comparable lines. */
    private static List<String> ranking(ClaimMatcher matcher) {
        List<String> lines = new ArrayList<>();
        for (String text : TEXTS) {
            for (Candidate candidate : matcher.match(text, 4).candidates()) {
                lines.add("%s %.6f %.6f".formatted(candidate.id(), candidate.bm25(), candidate.score()));
            }
            lines.add("--");
        }
        return lines;
    }

    /** The ranking of an index built afresh with these claims. */
    private static List<String> fresh(ClaimDoc... claims) throws Exception {
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.defaults(), null, null)) {
            index.replaceAll(List.of(claims));
            return ranking(new ClaimMatcher(index, MatcherSettings.defaults()));
        }
    }
}
