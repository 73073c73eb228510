package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimIndexTests {

    private static final List<ClaimDoc> CLAIMS = List.of(
            ClaimDoc.of(
                    "1",
                    "Drinking hot lemon water every morning kills cancer cells.",
                    "Lemon water does not cure cancer"),
            ClaimDoc.of("2", "5G towers spread the coronavirus.", "5G does not spread viruses"),
            ClaimDoc.of(
                    "3", "Uống nước chanh nóng mỗi sáng tiêu diệt tế bào ung thư.", "Nước chanh không chữa ung thư"));

    @TempDir
    Path dir;

    @Test
    void newIndexNeedsRebuildUntilFilled() throws IOException {
        try (ClaimIndex index = ClaimIndex.open(dir.resolve("claims"), AnalyzerSet.stock(), null)) {
            assertThat(index.needsRebuild()).isTrue();
            index.replaceAll(CLAIMS);
            assertThat(index.needsRebuild()).isFalse();
            assertThat(index.size()).isEqualTo(3);
        }
        try (ClaimIndex reopened = ClaimIndex.open(dir.resolve("claims"), AnalyzerSet.stock(), null)) {
            assertThat(reopened.needsRebuild()).isFalse();
            assertThat(reopened.size()).isEqualTo(3);
        }
    }

    @Test
    void upsertReplacesAndDeleteRemoves() throws IOException {
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.stock(), null, null)) {
            index.replaceAll(CLAIMS);
            index.upsert(ClaimDoc.of("2", "5G masts cause covid-19.", null));
            assertThat(index.size()).isEqualTo(3);
            index.delete("1");
            assertThat(index.size()).isEqualTo(2);
            var matcher = new ClaimMatcher(index, MatcherSettings.defaults());
            assertThat(matcher.match("do 5G masts cause covid-19?", 5).candidates())
                    .first()
                    .extracting(Candidate::id)
                    .isEqualTo("2");
        }
    }

    @Test
    void rebuildsAnIndexOfAnOlderSchema() throws IOException {
        Path path = dir.resolve("old");
        Files.createDirectories(path);
        try (ClaimIndex old = new ClaimIndex(FSDirectory.open(path), AnalyzerSet.stock(), null, 0)) {
            old.replaceAll(CLAIMS);
            assertThat(old.needsRebuild()).isFalse();
        }
        try (ClaimIndex current = ClaimIndex.open(path, AnalyzerSet.stock(), null)) {
            assertThat(current.needsRebuild()).isTrue();
            assertThat(current.size()).isZero();
            current.replaceAll(CLAIMS);
            assertThat(current.size()).isEqualTo(3);
        }
        try (ClaimIndex again = ClaimIndex.open(path, AnalyzerSet.stock(), null)) {
            assertThat(again.needsRebuild()).isFalse();
        }
    }

    @Test
    void rebuildsACorruptedIndexInsteadOfFailing() throws IOException {
        Path path = dir.resolve("corrupt");
        try (ClaimIndex index = ClaimIndex.open(path, AnalyzerSet.stock(), null)) {
            index.replaceAll(CLAIMS);
        }
        List<Path> segmentFiles;
        try (Stream<Path> files = Files.list(path)) {
            segmentFiles = files.filter(f -> !f.getFileName().toString().startsWith("segments")
                            && !f.getFileName().toString().equals("write.lock"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        assertThat(segmentFiles).isNotEmpty();
        for (Path file : segmentFiles) {
            Files.write(file, "garbage, not a Lucene file".getBytes(), StandardOpenOption.TRUNCATE_EXISTING);
        }
        try (ClaimIndex index = ClaimIndex.open(path, AnalyzerSet.stock(), null)) {
            assertThat(index.needsRebuild()).isTrue();
            index.replaceAll(CLAIMS);
            assertThat(index.size()).isEqualTo(3);
            var matcher = new ClaimMatcher(index, MatcherSettings.defaults());
            assertThat(matcher.match("5G towers spread coronavirus", 3).candidates())
                    .isNotEmpty();
        }
    }

    @Test
    void rebuildsAnIndexDamagedInsideItsFilesWhoseHeadersAndFootersAreIntact() throws IOException {
        Path path = dir.resolve("damaged");
        List<ClaimDoc> many = new java.util.ArrayList<>(CLAIMS);
        for (int i = 0; i < 300; i++) {
            many.add(ClaimDoc.of("n" + i, "Claim number " + i + " about vaccines, towers and lemons " + i * 7, null));
        }
        try (ClaimIndex index = ClaimIndex.open(path, AnalyzerSet.defaults(), null)) {
            index.replaceAll(many);
        }
        // Flip a hundred bytes in the middle of the data, away from every header and footer (also those of the
        // files inside a compound file): opening a reader checks only those, so the damage was found by a query (a
        // desk found it in the term dictionary, on every query).
        int damaged = 0;
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.(cfs|fdt|tim|doc)"))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length > 4_000) {
                    for (int i = bytes.length / 2 - 50; i < bytes.length / 2 + 50; i++) {
                        bytes[i] ^= (byte) 0x5A;
                    }
                    Files.write(file, bytes);
                    damaged++;
                }
            }
        }
        assertThat(damaged).isPositive();
        try (ClaimIndex index = ClaimIndex.open(path, AnalyzerSet.defaults(), null)) {
            assertThat(index.needsRebuild()).isTrue();
            index.replaceAll(CLAIMS);
            assertThat(new ClaimMatcher(index, MatcherSettings.defaults())
                            .match("5G towers spread coronavirus", 3)
                            .candidates())
                    .isNotEmpty();
        }
    }

    @Test
    void groupsNearIdenticalClaimsSoThatTwinsNeverCompete() throws IOException {
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.stock(), null, null)) {
            index.replaceAll(List.of(
                    ClaimDoc.of("a", "Bill Gates said “vaccines will reduce the population” by 15%.", null),
                    ClaimDoc.of("b", "Bill Gates said \"vaccines will reduce the population\" by 15% ", null),
                    ClaimDoc.of("c", "bill gates said vaccines will reduce the population by 15", null),
                    ClaimDoc.of("d", "Bill Gates said vaccines will increase the population by 15%.", null)));
            var candidates = new ClaimMatcher(index, MatcherSettings.defaults())
                    .match("Bill Gates said vaccines will reduce the population by 15 percent", 10)
                    .candidates();
            assertThat(candidates).hasSize(2);
            Candidate group = candidates.stream()
                    .filter(c -> c.members().contains("a"))
                    .findFirst()
                    .orElseThrow();
            assertThat(group.members()).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(group.twins()).hasSize(2).doesNotContain(group.id());
            assertThat(candidates.stream()
                            .filter(c -> c.members().contains("d"))
                            .findFirst()
                            .orElseThrow()
                            .twins())
                    .isEmpty();
        }
    }

    @Test
    void twinsAddedLaterInOtherSegmentsAreFoundAndDeletedOnesAreNot() throws IOException {
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.stock(), null, null)) {
            index.replaceAll(List.of(
                    ClaimDoc.of("a", "Bill Gates said “vaccines will reduce the population” by 15%.", null),
                    ClaimDoc.of("d", "Bill Gates said vaccines will increase the population by 15%.", null)));
            var matcher = new ClaimMatcher(index, MatcherSettings.defaults());
            String post = "Bill Gates said vaccines will reduce the population by 15 percent";
            // Twins are remembered per reader: each change below must show in the next match.
            assertThat(membersWith(matcher.match(post, 10).candidates(), "a")).containsExactly("a");
            index.upsert(ClaimDoc.of("b", "Bill Gates said \"vaccines will reduce the population\" by 15% ", null));
            assertThat(membersWith(matcher.match(post, 10).candidates(), "a")).containsExactlyInAnyOrder("a", "b");
            index.upsert(ClaimDoc.of("c", "bill gates said vaccines will reduce the population by 15", null));
            assertThat(membersWith(matcher.match(post, 10).candidates(), "a")).containsExactlyInAnyOrder("a", "b", "c");
            index.delete("b");
            var candidates = matcher.match(post, 10).candidates();
            Candidate group = candidates.stream()
                    .filter(c -> c.members().contains("a"))
                    .findFirst()
                    .orElseThrow();
            assertThat(group.members()).containsExactlyInAnyOrder("a", "c");
            assertThat(candidates.stream()
                            .filter(c -> c.members().contains("d"))
                            .findFirst()
                            .orElseThrow()
                            .members())
                    .containsExactly("d");
        }
    }

    @Test
    void groupKeysIgnoreQuotesPunctuationCaseAndSpacesButNotTones() {
        assertThat(Groups.key("Đà Nẵng “floods” again!")).isEqualTo(Groups.key("đà nẵng 'floods'   again"));
        assertThat(Groups.key("bán nhà")).isNotEqualTo(Groups.key("bàn nhà"));
    }

    /** The members of the candidate group holding {@code id} (its representative may be another member). */
    private static List<String> membersWith(List<Candidate> candidates, String id) {
        return candidates.stream()
                .filter(c -> c.members().contains(id))
                .findFirst()
                .orElseThrow()
                .members();
    }
}
