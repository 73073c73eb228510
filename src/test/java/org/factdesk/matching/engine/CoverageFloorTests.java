package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.factdesk.matching.eval.Benchmark;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaimMatcher#suggestions} skips the ranking of texts that no claim can bring to the suggestion threshold. It
 * must give exactly the SUGGEST and AUTO candidates that {@link ClaimMatcher#match} gives, and must actually skip.
 */
class CoverageFloorTests {

    private static final Path DATA = Path.of("..", "shared", "data");

    private static final List<String> VIETNAMESE = List.of(
            "Uống nước chanh ấm mỗi sáng diệt được virus corona trong cổ họng",
            "Tiêm vắc xin Covid-19 gây vô sinh ở phụ nữ trẻ",
            "Xông hơi bằng lá sả và gừng chữa khỏi Covid-19 tại nhà",
            "Bộ Y tế yêu cầu người dân không ra khỏi nhà từ ngày mai",
            "Ăn tỏi sống phòng được Covid-19",
            "Sóng 5G lây lan virus corona ở Vũ Hán",
            "Súc miệng nước muối mỗi ngày giết chết virus",
            "Hà Nội phun thuốc khử trùng từ máy bay vào ban đêm, người dân đóng cửa sổ");

    private static final List<String> ENGLISH = List.of(
            "Drinking hot water with lemon every morning kills the novel coronavirus",
            "Holding your breath for ten seconds without coughing shows you are free of Covid-19",
            "5G mobile networks spread the coronavirus",
            "A video shows a shark swimming on a flooded highway in Houston",
            "Bill Gates wants to implant microchips with the Covid-19 vaccine",
            "Eating garlic protects you from the coronavirus infection");

    private static final List<String> NOISE = List.of(
            "hôm", "nay", "mọi", "người", "ơi", "chia", "sẻ", "ngay", "nha", "ko", "dc", "thật", "sự", "the", "and",
            "please", "share", "this", "now", "friends", "đây", "là", "tin", "nóng", "video", "ảnh", "news");

    @Test
    void minimumSharedIsTheFewestTermsThatReachTheCoverage() {
        assertThat(CoverageFloor.minimumShared(20, 0.35)).isEqualTo(7); // 7/20 = 0.35 exactly
        assertThat(CoverageFloor.minimumShared(3, 0.35)).isEqualTo(2); // 1/3 < 0.35 <= 2/3
        assertThat(CoverageFloor.minimumShared(100, 0.35)).isEqualTo(35);
        assertThat(CoverageFloor.minimumShared(1, 0.35)).isEqualTo(1);
        assertThat(CoverageFloor.minimumShared(0, 0.35)).isEqualTo(Long.MAX_VALUE);
        for (int n = 1; n <= 500; n++) {
            long k = CoverageFloor.minimumShared(n, 0.35);
            assertThat((double) k / n).as("%d of %d", k, n).isGreaterThanOrEqualTo(0.35);
            assertThat((double) (k - 1) / n).as("%d of %d", k - 1, n).isLessThan(0.35);
        }
    }

    @Test
    void randomPostsAroundTheThresholdGetTheSameSuggestions() throws IOException {
        List<ClaimDoc> claims = new ArrayList<>();
        for (int i = 0; i < VIETNAMESE.size(); i++) {
            claims.add(ClaimDoc.of("vi" + i, VIETNAMESE.get(i), i % 2 == 0 ? "Sự thật về tin đồn số " + i : null));
        }
        for (int i = 0; i < ENGLISH.size(); i++) {
            claims.add(ClaimDoc.of("en" + i, ENGLISH.get(i), null));
        }
        // Posts made of a random share of one claim's words (with and without diacritics) and random chatter, so
        // that many fall on either side of the suggestion threshold.
        Random random = new Random(20261129);
        List<String> posts = new ArrayList<>();
        List<String> sources = new ArrayList<>(VIETNAMESE);
        sources.addAll(ENGLISH);
        for (int i = 0; i < 1500; i++) {
            String[] words = sources.get(random.nextInt(sources.size())).split(" ");
            double share = random.nextDouble();
            StringBuilder post = new StringBuilder();
            for (String word : words) {
                if (random.nextDouble() < share) {
                    post.append(random.nextInt(3) == 0 ? stripped(word) : word).append(' ');
                }
                if (random.nextInt(3) == 0) {
                    post.append(NOISE.get(random.nextInt(NOISE.size()))).append(' ');
                }
            }
            post.append(NOISE.get(random.nextInt(NOISE.size())));
            posts.add(post.toString());
        }
        Checked checked = check(claims, posts);
        assertThat(checked.skipped).as("posts that no claim can reach").isGreaterThan(200);
        assertThat(checked.suggested).as("posts with suggestions").isGreaterThan(200);
    }

    @Test
    void theDevSetsGetTheSameSuggestions() throws IOException {
        Path vi = DATA.resolve("vi-claims");
        Path clef = DATA.resolve("clef2020-t2-en");
        assumeTrue(
                Files.isDirectory(vi) && Files.isDirectory(clef),
                "../shared/data not found: the dev-set comparison is skipped (the random posts above still run)");
        Benchmark viClaims = Benchmark.read(
                Benchmark.Format.TSV,
                vi.resolve("collection.tsv"),
                vi.resolve("dev.queries.tsv"),
                vi.resolve("dev.qrels.tsv"));
        Benchmark deaccented = Benchmark.read(
                Benchmark.Format.TSV,
                vi.resolve("collection.tsv"),
                vi.resolve("dev.queries.deaccented.tsv"),
                vi.resolve("dev.qrels.tsv"));
        Benchmark english = Benchmark.read(
                Benchmark.Format.CLEF2020,
                clef.resolve("verified_claims.docs.tsv"),
                clef.resolve("dev/tweets.queries.tsv"),
                clef.resolve("dev/tweet-vclaim-pairs.qrels"));
        List<ClaimDoc> claims = new ArrayList<>(viClaims.collection());
        claims.addAll(english.collection().subList(0, 3000));
        List<String> posts = new ArrayList<>(viClaims.queries().values());
        posts.addAll(deaccented.queries().values());
        posts.addAll(english.queries().values());
        Checked checked = check(claims, posts);
        assertThat(checked.skipped).isPositive();
        assertThat(checked.suggested).isPositive();
    }

    private static String stripped(String word) {
        return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
    }

    private record Checked(int skipped, int suggested) {}

    /** Both ways for every post, without an embedder (a cosine may lift any claim, so the floor is not used then). */
    private static Checked check(List<ClaimDoc> claims, List<String> posts) throws IOException {
        try (ClaimIndex index = ClaimIndex.inMemory(AnalyzerSet.defaults(), null, null)) {
            index.replaceAll(claims);
            ClaimMatcher matcher = new ClaimMatcher(index, MatcherSettings.defaults());
            int skipped = 0;
            int suggested = 0;
            for (String post : posts) {
                if (!ClaimMatcher.hasWords(post)) {
                    continue;
                }
                List<Candidate> all = matcher.match(post, 10).candidates();
                List<Candidate> kept =
                        all.stream().filter(c -> c.band() != Band.NONE).toList();
                MatchOutcome outcome = matcher.suggestions(post, 10);
                List<Candidate> suggestions = outcome.candidates().stream()
                        .filter(c -> c.band() != Band.NONE)
                        .toList();
                assertThat(suggestions).as(post).isEqualTo(kept);
                if (!outcome.ranked()) {
                    skipped++;
                }
                if (!suggestions.isEmpty()) {
                    suggested++;
                }
            }
            return new Checked(skipped, suggested);
        }
    }
}
