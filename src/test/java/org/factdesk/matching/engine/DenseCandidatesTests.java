package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.factdesk.shared.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims a post repeats in other words: found by the nearest claim vectors (Lucene's HNSW search over the bundled
 * all-MiniLM-L6-v2 vectors) when BM25 has no word to go on.
 */
class DenseCandidatesTests {

    static final String POST =
            "Apparently a warm citrus beverage every morning eliminates tumours, my aunt swears by it";

    private static ClaimIndex index;

    @BeforeAll
    static void index() {
        index = ClaimIndex.inMemory(AnalyzerSet.stock(), Embedders.miniLm(), null);
        index.replaceAll(List.of(
                ClaimDoc.of("lemon", "Drinking hot lemon water cures cancer.", null),
                ClaimDoc.of("5g", "5G towers spread the coronavirus.", null),
                ClaimDoc.of("shark", "A video shows a shark swimming on a flooded highway in Houston.", null),
                ClaimDoc.of("vote", "Ballots mailed after election day were counted in Nevada.", null),
                ClaimDoc.of("chanh", "Uống nước chanh nóng mỗi sáng chữa khỏi bệnh ung thư.", null)));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void aPostSharingNoWordWithItsClaimFindsItThroughTheVectors() {
        MatcherSettings settings = MatcherSettings.defaults();
        List<Candidate> withoutDense = new ClaimMatcher(index, settings.withDenseCandidates(0))
                .match(POST, Language.EN, 5)
                .candidates();
        assertThat(withoutDense).as("BM25 has no shared term").isEmpty();

        List<Candidate> found =
                new ClaimMatcher(index, settings).match(POST, Language.EN, 5).candidates();

        assertThat(found).isNotEmpty();
        Candidate top = found.get(0);
        assertThat(top.id()).isEqualTo("lemon");
        assertThat(top.bm25()).isZero();
        assertThat(top.dense()).isGreaterThanOrEqualTo(MatcherSettings.DENSE_MIN_COSINE);
        assertThat(top.band()).as("no shared words: never linked automatically").isNotEqualTo(Band.AUTO);
        // Unrelated claims are not brought by the vectors: each one returned is at least DENSE_MIN_COSINE away.
        assertThat(found)
                .allSatisfy(c -> assertThat(c.dense()).isGreaterThanOrEqualTo(MatcherSettings.DENSE_MIN_COSINE));
        assertThat(found).extracting(Candidate::id).doesNotContain("vote");
        assertThat(found).extracting(Candidate::id).doesNotContain("chanh");
    }

    @Test
    void aPostOfHandlesAndLinksAloneIsMatchedWithoutEmbeddingNothing() {
        // The model refuses a blank text, and these are blank once handles and links are taken out.
        ClaimMatcher matcher = new ClaimMatcher(index, MatcherSettings.defaults());
        for (String post : List.of("@WHO", "@WHO @CDCgov", "pic.twitter.com/abc", "https://t.co/abc @a")) {
            assertThat(matcher.match(post, Language.EN, 5).candidates())
                    .as(post)
                    .isNotNull();
        }
        assertThat(matcher.match("@CDCgov 5G towers https://t.co/abc", Language.EN, 5)
                        .candidates())
                .extracting(Candidate::id)
                .startsWith("5g");
    }

    @Test
    void onlyClaimsTheModelSpeaksAreInTheGraph() throws IOException {
        // The same claim in Vietnamese gets no vector in the graph: the English-only model's vector of it is noise.
        IndexSearcher searcher = index.searchers().acquire();
        try {
            List<String> inGraph = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(ClaimIndex.VECTOR);
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    inGraph.add(ClaimIndex.binaryValues(searcher, new int[] {leaf.docBase + doc}, ClaimIndex.ID)[0]);
                }
            }
            assertThat(inGraph).containsExactlyInAnyOrder("lemon", "5g", "shark", "vote");
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Test
    void withoutAClaimTheModelSpeaksNoPostIsEmbedded() throws IOException {
        // A desk of Vietnamese claims and the English-only model: an English post's cosines would all be noise.
        var counting = new EmbeddingCacheTests.CountingEmbedder();
        String post = "Hot lemon water every morning cures cancer, Covid-19 too, share now";
        try (ClaimIndex vietnamese = ClaimIndex.inMemory(AnalyzerSet.stock(), counting, null)) {
            vietnamese.replaceAll(List.of(
                    ClaimDoc.of("chanh", "Uống nước chanh nóng mỗi sáng chữa khỏi bệnh ung thư.", null),
                    ClaimDoc.of("covid", "Xông hơi chữa khỏi Covid-19.", null)));
            ClaimMatcher matcher = new ClaimMatcher(vietnamese, MatcherSettings.defaults());
            List<Candidate> found = matcher.match(post, Language.EN, 5).candidates();
            assertThat(found).extracting(Candidate::id).contains("covid");
            assertThat(found).allSatisfy(c -> assertThat(c.dense()).isNull());
            assertThat(counting.queries).hasValue(0);

            // One English claim, and English posts are embedded and blended again.
            vietnamese.upsert(ClaimDoc.of("lemon", "Drinking hot lemon water cures cancer.", null));
            List<Candidate> blended = matcher.match(post, Language.EN, 5).candidates();
            assertThat(counting.queries).hasValue(1);
            assertThat(blended).extracting(Candidate::id).first().isEqualTo("lemon");
            assertThat(blended).allSatisfy(c -> assertThat(c.dense()).isNotNull());
        }
    }

    @Test
    void aClaimBothSearchesFindIsListedOnceWithItsBm25Score() {
        List<Candidate> found = new ClaimMatcher(index, MatcherSettings.defaults())
                .match("They say 5G towers spread the coronavirus, share before it is deleted", Language.EN, 5)
                .candidates();
        assertThat(found).extracting(Candidate::id).containsOnlyOnce("5g");
        assertThat(found.get(0).id()).isEqualTo("5g");
        assertThat(found.get(0).bm25()).isPositive();
    }

    @Test
    void anIndexWithoutVectorsIsRebuiltWhenAnEmbedderIsConfigured(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("claims");
        try (ClaimIndex plain = ClaimIndex.open(path, AnalyzerSet.stock(), null)) {
            plain.replaceAll(List.of(ClaimDoc.of("lemon", "Drinking hot lemon water cures cancer.", null)));
        }
        try (ClaimIndex dense = ClaimIndex.open(path, AnalyzerSet.stock(), Embedders.miniLm())) {
            assertThat(dense.needsRebuild())
                    .as("its documents carry no vectors")
                    .isTrue();
            dense.replaceAll(List.of(ClaimDoc.of("lemon", "Drinking hot lemon water cures cancer.", null)));
        }
        try (ClaimIndex again = ClaimIndex.open(path, AnalyzerSet.stock(), Embedders.miniLm())) {
            assertThat(again.needsRebuild()).isFalse();
            assertThat(new ClaimMatcher(again, MatcherSettings.defaults())
                            .match(POST, Language.EN, 3)
                            .candidates())
                    .extracting(Candidate::id)
                    .containsExactly("lemon");
        }
        try (ClaimIndex plainAgain = ClaimIndex.open(path, AnalyzerSet.stock(), null)) {
            assertThat(plainAgain.needsRebuild())
                    .as("its vectors would go unused")
                    .isTrue();
        }
    }
}
