package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTests {

    /** A bag-of-words embedder (hashed words) that counts the texts it embeds. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger passages = new AtomicInteger();
        final AtomicInteger queries = new AtomicInteger();

        @Override
        public String name() {
            return "counting-bow";
        }

        @Override
        public boolean multilingual() {
            return false;
        }

        @Override
        public float[] embedQuery(String text) {
            queries.incrementAndGet();
            return vector(text);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return texts.stream().map(CountingEmbedder::vector).toList();
        }

        static float[] vector(String text) {
            float[] v = new float[64];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    v[Math.floorMod(word.hashCode(), 64)] += 1;
                }
            }
            return Embedders.normalised(v);
        }
    }

    private static final List<ClaimDoc> CLAIMS = List.of(
            ClaimDoc.of("1", "Drinking hot lemon water every morning kills cancer cells.", null),
            ClaimDoc.of("2", "5G towers spread the coronavirus.", null),
            ClaimDoc.of("3", "A video shows a shark swimming on a flooded highway.", null));

    @TempDir
    Path dir;

    @Test
    void aRebuildReusesStoredVectorsWithoutCallingTheEmbedder() throws IOException {
        var embedder = new CountingEmbedder();
        try (ClaimIndex index = ClaimIndex.open(dir.resolve("claims"), AnalyzerSet.stock(), embedder)) {
            index.replaceAll(CLAIMS);
        }
        assertThat(embedder.passages).hasValue(3);
        try (Stream files = new Stream(dir)) {
            assertThat(files.names()).anyMatch(n -> n.startsWith("claims.vectors-counting-bow"));
        }

        var second = new CountingEmbedder();
        try (ClaimIndex index = ClaimIndex.open(dir.resolve("claims"), AnalyzerSet.stock(), second)) {
            index.replaceAll(CLAIMS);
            index.replaceAll(CLAIMS);
            assertThat(second.passages).hasValue(0);
            index.upsert(ClaimDoc.of("4", "Eating garlic prevents covid-19.", null));
            assertThat(second.passages).hasValue(1);
        }
    }

    @Test
    void denseScoresBlendIntoEnglishMatchesOnly() throws IOException {
        var embedder = new CountingEmbedder();
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.stock(), embedder, null)) {
            index.replaceAll(CLAIMS);
            var matcher = new ClaimMatcher(index, MatcherSettings.defaults());
            Candidate top = matcher.match("shark swimming on a flooded highway, video", 3)
                    .candidates()
                    .get(0);
            assertThat(top.id()).isEqualTo("3");
            assertThat(top.dense()).isNotNull().isGreaterThan(0.5);
            assertThat(embedder.queries).hasValue(1);

            var off = new ClaimMatcher(index, MatcherSettings.defaults().withDense(false));
            assertThat(off.match("shark swimming on a flooded highway, video", 3)
                            .candidates()
                            .get(0)
                            .dense())
                    .isNull();
        }
    }

    @Test
    void anUnreadableVectorsFileIsEmbeddedAgain() throws IOException {
        Path file = dir.resolve("v.bin");
        Files.writeString(file, "not vectors");
        var embedder = new CountingEmbedder();
        var store = new EmbeddingStore(embedder, file);
        store.ensure(List.of("a b", "c d"));
        assertThat(embedder.passages).hasValue(2);
        assertThat(new EmbeddingStore(new CountingEmbedder(), file).size()).isEqualTo(2);
    }

    @Test
    void vectorsAddedOneByOneAreAppendedAndReadBack() throws IOException {
        Path file = dir.resolve("one-by-one.bin");
        var store = new EmbeddingStore(new CountingEmbedder(), file);
        store.ensure(List.of("a b"));
        long first = Files.size(file);
        Object written = fileKey(file);
        for (String text : List.of("c d", "e f")) {
            store.ensure(List.of(text));
            assertThat(fileKey(file))
                    .as("appended to, not written again under a new name")
                    .isEqualTo(written);
        }
        long row = 8 + 4 * 64;
        assertThat(Files.size(file)).isEqualTo(first + 2 * row);

        var reopened = new EmbeddingStore(new CountingEmbedder(), file);
        assertThat(reopened.size()).isEqualTo(3);
        for (String text : List.of("a b", "c d", "e f")) {
            assertThat(reopened.vector(EmbeddingStore.key(text))).containsExactly(CountingEmbedder.vector(text));
        }
    }

    @Test
    void anAppendCutShortByACrashIsDroppedAndTheCountedRowsKept() throws IOException {
        Path file = dir.resolve("torn.bin");
        new EmbeddingStore(new CountingEmbedder(), file).ensure(List.of("a b", "c d"));
        long whole = Files.size(file);
        // A crash after some bytes of the next row, before the count was updated.
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, java.nio.file.StandardOpenOption.APPEND);

        var embedder = new CountingEmbedder();
        var store = new EmbeddingStore(embedder, file);
        assertThat(store.size()).isEqualTo(2);
        store.ensure(List.of("a b", "e f"));
        assertThat(embedder.passages).hasValue(1);
        assertThat(Files.size(file)).isEqualTo(whole + 8 + 4 * 64);

        var reopened = new EmbeddingStore(new CountingEmbedder(), file);
        assertThat(reopened.size()).isEqualTo(3);
        assertThat(reopened.vector(EmbeddingStore.key("e f"))).containsExactly(CountingEmbedder.vector("e f"));
        assertThat(reopened.vector(EmbeddingStore.key("a b"))).containsExactly(CountingEmbedder.vector("a b"));
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
    }

    /** File names in a directory. */
    private record Stream(Path dir) implements AutoCloseable {
        List<String> names() throws IOException {
            try (var files = Files.list(dir)) {
                return files.map(f -> f.getFileName().toString()).toList();
            }
        }

        @Override
        public void close() {}
    }
}
