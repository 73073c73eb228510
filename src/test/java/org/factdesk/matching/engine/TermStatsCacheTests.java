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
