package org.factdesk.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.factdesk.shared.TextFolding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NearDuplicateFingerprintTests {

    private static final String LEMON =
            "Uống nước chanh nóng mỗi sáng sẽ diệt được virus corona trong cổ họng trước khi nó xuống phổi, bác sĩ"
                    + " bệnh viện Bạch Mai khuyên như vậy";
    private static final String VACCINE =
            "Bộ Y tế vừa xác nhận tiêm vắc xin Covid gây vô sinh ở nữ giới trẻ tuổi, nhiều trường hợp đã phải nhập"
                    + " viện tại Hà Nội";
    private static final String POWER =
            "Thông báo khẩn: toàn thành phố Đà Nẵng sẽ cắt điện 3 ngày liên tục từ thứ hai tuần sau để sửa chữa"
                    + " đường dây";

    static Stream<Arguments> copies() {
        return Stream.of(
                Arguments.of(LEMON, "😱😱 " + LEMON + " 🙏🙏 CHIA SẺ NGAY!!!"),
                Arguments.of(LEMON, TextFoldingless(LEMON)),
                Arguments.of(LEMON, LEMON.replace("mỗi sáng", "mỗi buổi sáng")),
                Arguments.of(LEMON, LEMON.replace("bác sĩ", "giáo sư") + " https://bit.ly/3xYz @tin.nong"),
                Arguments.of(LEMON, "Hãy chia sẻ: " + LEMON.replace("Uống", "uong") + " #covid"),
                Arguments.of(
                        VACCINE, "TIN KHẨN‼️ " + VACCINE.replace("vừa xác nhận", "đã xác nhận") + " 😢 share ngay"),
                Arguments.of(VACCINE, TextFoldingless(VACCINE).toUpperCase() + " ... Hãy chia sẻ ngay"),
                Arguments.of(POWER, POWER.replace("3 ngày", "ba ngày") + " 📢📢"),
                Arguments.of(
                        POWER, "FW: " + TextFoldingless(POWER.replace("để sửa chữa đường dây", "để sửa đường dây"))),
                Arguments.of("Uống nước chanh diệt covid", "uong nuoc chanh diet covid 😱 chia sẻ ngay"),
                Arguments.of(
                        "Ăn tỏi sống chữa khỏi Covid-19 trong 3 ngày", "ăn tỏi sống chữa khỏi covid 19 trong ba ngày"));
    }

    static Stream<Arguments> differentRumours() {
        return Stream.of(
                Arguments.of("Uống nước chanh diệt covid", "Xông hơi sả gừng diệt covid"),
                Arguments.of(
                        LEMON,
                        "Xông hơi bằng sả, gừng và lá bưởi mỗi tối sẽ diệt được virus corona trong phổi, bác sĩ"
                                + " bệnh viện Chợ Rẫy khuyên như vậy"),
                Arguments.of(
                        VACCINE,
                        "Bộ Y tế vừa xác nhận tiêm vắc xin Covid gây đột quỵ ở người cao tuổi, nhiều trường hợp đã tử vong"
                                + " tại TP HCM"),
                Arguments.of(
                        POWER,
                        "Thông báo: toàn thành phố Đà Nẵng sẽ cắt nước sinh hoạt 2 ngày từ thứ bảy để thau rửa bể chứa"),
                Arguments.of(LEMON, VACCINE),
                Arguments.of("Ăn tỏi sống chữa khỏi Covid-19", "Ăn gừng sống chữa khỏi ung thư"));
    }

    @ParameterizedTest
    @MethodSource("copies")
    void recognisesCopiesOfTheSameRumour(String original, String copy) {
        NearDuplicateFingerprint a = NearDuplicateFingerprint.of(original).orElseThrow();
        NearDuplicateFingerprint b = NearDuplicateFingerprint.of(copy).orElseThrow();
        assertThat(exact(original, copy))
                .as("true similarity, far enough above the threshold")
                .isGreaterThan(0.55);
        assertThat(a.isNearDuplicateOf(b))
                .as("similarity %s of %s / %s", a.similarity(b), original, copy)
                .isTrue();
        assertThat(sharesABand(a, b)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("differentRumours")
    void tellsDifferentRumoursOnTheSameTopicApart(String one, String other) {
        NearDuplicateFingerprint a = NearDuplicateFingerprint.of(one).orElseThrow();
        NearDuplicateFingerprint b = NearDuplicateFingerprint.of(other).orElseThrow();
        assertThat(exact(one, other))
                .as("true similarity, far enough below the threshold")
                .isLessThan(0.35);
        assertThat(a.isNearDuplicateOf(b))
                .as("similarity %s of %s / %s", a.similarity(b), one, other)
                .isFalse();
    }

    @Test
    void normalisesAwayDiacriticsEmojiLinksHandlesAndShareBait() {
        assertThat(NearDuplicateFingerprint.words(
                        "😱 Uống NƯỚC chanh, diệt Covid!!! https://bit.ly/x @tin.nong www.a.vn/b Hãy chia sẻ ngay 🙏"))
                .containsExactly("uong", "nuoc", "chanh", "diet", "covid");
        assertThat(NearDuplicateFingerprint.of("Uống nước chanh diệt covid"))
                .isEqualTo(NearDuplicateFingerprint.of("uong nuoc chanh diet covid 😱 CHIA SẺ NGAY"));
    }

    /** The words as the patterns alone give them (every pattern on every text): what {@code words} must equal. */
    private static List<String> wordsByPatterns(String text) {
        String cleaned = Pattern.compile("(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}_.]+")
                .matcher(Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S*")
                        .matcher(text)
                        .replaceAll(" "))
                .replaceAll(" ");
        String folded = " "
                + Pattern.compile("[^\\p{L}\\p{N}]+")
                        .matcher(TextFolding.fold(cleaned))
                        .replaceAll(" ")
                        .strip()
                + " ";
        for (String bait : NearDuplicateFingerprint.SHARE_BAIT) {
            folded = folded.replace(" " + bait + " ", " ");
        }
        String stripped = folded.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split(" "));
    }

    @Test
    void findsTheSameWordsAsThePatternsOnRandomText() {
        String[] pieces = {
            "a",
            "Z",
            "7",
            " ",
            "  ",
            "\t",
            "\n",
            ",",
            "!!",
            "-",
            "_",
            ".",
            "/",
            ":",
            "@",
            "@tin.nong",
            "@_x",
            "http",
            "HTTPS://",
            "https://bit.ly/x",
            "wWw.",
            "www.a.vn/b",
            "Www",
            "ht",
            "tp://",
            "đ",
            "Đ",
            "ư",
            "ỡ",
            "e\u0301",
            "\u0301",
            "😱",
            "🙏🏽",
            "\u200d",
            "\u00a0",
            "٣",
            "Ⅻ",
            "ʰ",
            "中文",
            "ǅ",
            "½",
            "²",
            "\ud835\udfd8",
            "𝔸",
            "chia sẻ ngay",
            "Hãy",
            "ı",
            "İ",
            "K",
            "ﬁ",
            "\u0000",
            "\uffff",
            "\ud800"
        };
        Random random = new Random(20261129);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String sample = text.toString();
            assertThat(NearDuplicateFingerprint.words(sample)).as(sample).isEqualTo(wordsByPatterns(sample));
        }
    }

    @Test
    void usesThreeWordShinglesForLongTextsAndWordsAndPairsForShortOnes() {
        assertThat(NearDuplicateFingerprint.shinglesOf("một hai ba bốn năm sáu bảy tám"))
                .containsExactly("mot hai ba", "hai ba bon", "ba bon nam", "bon nam sau", "nam sau bay", "sau bay tam");
        assertThat(NearDuplicateFingerprint.shinglesOf("ăn tỏi chữa covid"))
                .containsExactlyInAnyOrder("an", "toi", "chua", "covid", "an toi", "toi chua", "chua covid");
    }

    @Test
    void givesNoFingerprintToTextsTooShortToCompare() {
        assertThat(NearDuplicateFingerprint.of("😱😱 !!!")).isEmpty();
        assertThat(NearDuplicateFingerprint.of("https://facebook.com/x tin nóng"))
                .isEmpty();
        assertThat(NearDuplicateFingerprint.of("tin nóng quá")).isPresent();
    }

    /**
     * Fixed hash functions: the same text gets the same signature in any JVM, on any machine, in any release that keeps
     * {@code BandIndex.SCHEMA_VERSION}. The band index computes stored items' signatures again from their text when
     * it is rebuilt, and they must meet the signatures computed when the items arrived. A change that fails this test
     * needs a new schema version of the band index.
     */
    @Test
    void computesTheSameSignatureEverywhere() {
        NearDuplicateFingerprint fingerprint =
                NearDuplicateFingerprint.of(LEMON).orElseThrow();
        long[] values = fingerprint.values();
        assertThat(values).hasSize(NearDuplicateFingerprint.HASHES);
        assertThat(new long[] {values[0], values[1], values[127]})
                .containsExactly(0x80802217A5F43362L, 0x83D7AEC94B6DB818L, 0x86B6E6CD79B4D31EL);
        assertThat(fingerprint.bandKeys()[0]).isEqualTo(0x25CA8025B2CF1273L);
        assertThat(NearDuplicateFingerprint.ofValues(values)).isEqualTo(fingerprint);
    }

    @Test
    void fingerprintsAnItemByItsTitleAndText() {
        assertThat(NearDuplicateFingerprint.ofItem(null, LEMON)).isEqualTo(NearDuplicateFingerprint.of(LEMON));
        assertThat(NearDuplicateFingerprint.ofItem("Tin nóng", LEMON))
                .isEqualTo(NearDuplicateFingerprint.of("Tin nóng " + LEMON));
        assertThat(NearDuplicateFingerprint.ofItem("Tin nóng hôm nay", null))
                .isEqualTo(NearDuplicateFingerprint.of("Tin nóng hôm nay"));
        assertThat(NearDuplicateFingerprint.ofItem(null, null)).isEmpty();
    }

    /** The banding invariant: a band's key is equal for two signatures exactly when all rows of the band are. */
    @Test
    void bandKeysAreEqualExactlyWhenTheBandsRowsAre() {
        Random random = new Random(20261128L);
        for (int trial = 0; trial < 2_000; trial++) {
            long[] values = random.longs(NearDuplicateFingerprint.HASHES).toArray();
            long[] changed = values.clone();
            int changes = random.nextInt(NearDuplicateFingerprint.HASHES + 1);
            for (int i = 0; i < changes; i++) {
                int position = random.nextInt(NearDuplicateFingerprint.HASHES);
                changed[position] =
                        random.nextInt(4) == 0 ? changed[position] ^ (1L << random.nextInt(64)) : random.nextLong();
            }
            long[] a = NearDuplicateFingerprint.ofValues(values).bandKeys();
            long[] b = NearDuplicateFingerprint.ofValues(changed).bandKeys();
            for (int band = 0; band < NearDuplicateFingerprint.BANDS; band++) {
                boolean rowsEqual = true;
                for (int row = 0; row < NearDuplicateFingerprint.ROWS; row++) {
                    int index = band * NearDuplicateFingerprint.ROWS + row;
                    rowsEqual &= values[index] == changed[index];
                }
                assertThat(a[band] == b[band])
                        .as("trial %s band %s", trial, band)
                        .isEqualTo(rowsEqual);
            }
        }
    }

    @Test
    void equalRowsInDifferentBandsGiveDifferentKeys() {
        long[] same = new long[NearDuplicateFingerprint.HASHES];
        Arrays.fill(same, 42L);
        Set<Long> keys = new HashSet<>();
        for (long key : NearDuplicateFingerprint.ofValues(same).bandKeys()) {
            keys.add(key);
        }
        assertThat(keys).hasSize(NearDuplicateFingerprint.BANDS);
    }

    /**
     * Banding finds near duplicates as candidates: random 30-word texts edited into copies of true similarity at
     * least the threshold share a band (the S-curve promises 0.998 at 0.45), and the estimate stays close to the truth.
     */
    @Test
    void findsRandomNearDuplicatesAsCandidatesAndEstimatesTheirSimilarity() {
        Random random = new Random(7L);
        int nearDuplicates = 0;
        int found = 0;
        for (int trial = 0; trial < 1_000; trial++) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                words.add("w" + random.nextInt(100_000));
            }
            List<String> copy = new ArrayList<>(words);
            int edits = random.nextInt(6);
            for (int i = 0; i < edits; i++) {
                copy.set(random.nextInt(copy.size()), "e" + random.nextInt(100_000));
            }
            String original = String.join(" ", words);
            String edited = String.join(" ", copy);
            double truth = exact(original, edited);
            NearDuplicateFingerprint a = NearDuplicateFingerprint.of(original).orElseThrow();
            NearDuplicateFingerprint b = NearDuplicateFingerprint.of(edited).orElseThrow();
            assertThat(a.similarity(b)).isCloseTo(truth, offset(0.2));
            if (truth >= NearDuplicateFingerprint.THRESHOLD) {
                nearDuplicates++;
                if (sharesABand(a, b)) {
                    found++;
                }
            }
        }
        assertThat(nearDuplicates).isGreaterThan(300);
        assertThat(found).isGreaterThanOrEqualTo(nearDuplicates - 2);
    }

    static double exact(String x, String y) {
        Set<String> a = new HashSet<>(NearDuplicateFingerprint.shinglesOf(x));
        Set<String> b = new HashSet<>(NearDuplicateFingerprint.shinglesOf(y));
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        a.retainAll(b);
        return (double) a.size() / union.size();
    }

    private static String TextFoldingless(String text) {
        return org.factdesk.shared.TextFolding.fold(text);
    }

    private static boolean sharesABand(NearDuplicateFingerprint a, NearDuplicateFingerprint b) {
        Set<Long> keys = new HashSet<>();
        for (long key : a.bandKeys()) {
            keys.add(key);
        }
        for (long key : b.bandKeys()) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
