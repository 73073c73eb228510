package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.factdesk.shared.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClaimMatcherTests {

    private static ClaimIndex index;
    private static ClaimMatcher matcher;

    @BeforeAll
    static void index() {
        index = ClaimIndex.inMemory(AnalyzerSet.stock(), new EmbeddingCacheTests.CountingEmbedder(), null);
        index.replaceAll(List.of(
                ClaimDoc.of(
                        "lemon",
                        "Uống nước chanh nóng mỗi sáng có thể tiêu diệt tế bào ung thư trong cơ thể.",
                        "Nước chanh nóng không chữa được ung thư"),
                ClaimDoc.of(
                        "vneid",
                        "Người dân kích hoạt tài khoản định danh điện tử mức 2 trên VNeID sẽ được nhận 2,5 triệu đồng.",
                        "Kích hoạt VNeID mức 2 không được nhận tiền hỗ trợ"),
                ClaimDoc.of("garlic", "Ăn tỏi sống phòng được Covid-19.", "Tỏi không phòng được Covid-19"),
                ClaimDoc.of(
                        "5g",
                        "5G towers spread the coronavirus and cause covid-19 symptoms.",
                        "5G does not spread viruses"),
                ClaimDoc.of("shark", "A video shows a shark swimming on a flooded highway in Houston.", null)));
        matcher = new ClaimMatcher(index, MatcherSettings.defaults());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void findsAnAccentedClaimFromUnaccentedText() {
        var outcome = matcher.match(
                "Moi nguoi oi uong nuoc chanh nong moi sang la tieu diet het te bao ung thu trong co the, share gap",
                3);
        Candidate top = outcome.candidates().get(0);
        assertThat(top.id()).isEqualTo("lemon");
        assertThat(top.dense())
                .as("no dense scores for Vietnamese with an English model")
                .isNull();
        assertThat(top.highlights()).anyMatch(h -> h.contains("nước chanh nóng"));
        assertThat(outcome.truncated()).isFalse();
    }

    @Test
    void scoresStayInTheUnitIntervalAndNeverRiseDownTheList() {
        for (String text : List.of(
                "uống nước chanh nóng mỗi sáng có thể tiêu diệt tế bào ung thư trong cơ thể",
                "5G towers spread the coronavirus and cause covid-19 symptoms, they say",
                "tỏi",
                "the the the a of",
                "nước chanh tỏi covid 5G ung thư VNeID shark video")) {
            List<Candidate> candidates = matcher.match(text, 5).candidates();
            double previous = 1.0;
            for (Candidate c : candidates) {
                assertThat(c.score()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                previous = c.score();
                if (c.band() == Band.AUTO) {
                    assertThat(c.score())
                            .isGreaterThanOrEqualTo(matcher.settings().autoThreshold());
                }
            }
        }
    }

    @Test
    void aFullRepeatIsAutoAndAShortTextNeverIs() {
        Candidate full = matcher.match("Uống nước chanh nóng mỗi sáng có thể tiêu diệt tế bào ung thư trong cơ thể.", 3)
                .candidates()
                .get(0);
        assertThat(full.id()).isEqualTo("lemon");
        assertThat(full.band()).isEqualTo(Band.AUTO);

        Candidate shortText =
                matcher.match("nước chanh nóng chữa ung thư", 3).candidates().get(0);
        assertThat(shortText.id()).isEqualTo("lemon");
        assertThat(shortText.band()).isNotEqualTo(Band.AUTO);

        List<Candidate> candidates = matcher.match(
                        "Uống nước chanh nóng mỗi sáng có thể tiêu diệt tế bào ung thư trong cơ thể.", 3)
                .candidates();
        assertThat(candidates.subList(1, candidates.size())).noneMatch(c -> c.band() == Band.AUTO);
    }

    @Test
    void longTextsAreMatchedOnTheirBeginningAndFlaggedTruncated() {
        String claim = "5G towers spread the coronavirus and cause covid-19 symptoms. ";
        var settings = MatcherSettings.defaults().withMaxTextLength(200);
        var outcome = new ClaimMatcher(index, settings).match(claim + "blah ".repeat(500), 3);
        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.candidates().get(0).id()).isEqualTo("5g");
        assertThat(new ClaimMatcher(index, settings).match(claim, 3).truncated())
                .isFalse();
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> matcher.match("   \n\t ", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> matcher.match("\u0000\u0007\u001b", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> matcher.match("", 5)).isInstanceOf(IllegalArgumentException.class);
        // Spaces that isBlank does not know, format characters, a lone combining mark, punctuation and emoji.
        for (String wordless : List.of("\u00a0", "\u200b\u200d\u2060", "\ufeff", "\u0301", "\u00ad", "?!… —", "😷🙏")) {
            assertThatThrownBy(() -> matcher.match(wordless, 5))
                    .as(
                            "%s",
                            wordless.codePoints().mapToObj(Integer::toHexString).toList())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void linksHandlesTimesAndASignatureDoNotMakeAShortTextLong() {
        assertThat(ClaimMatcher.words("5G towers spread coronavirus https://t.co/a1b2c3d4 2021-03-03 10:15:22"))
                .isEqualTo(4);
        assertThat(ClaimMatcher.words("Ivermectin proven cure — Dr. X (@drx) March 3, 2021"))
                .isEqualTo(5);
        assertThat(ClaimMatcher.words("Uống nước chanh nóng mỗi sáng chữa ung thư"))
                .isEqualTo(9);
        assertThat(ClaimMatcher.words("tiêm vắc xin Covid-19 gây vô sinh")).isEqualTo(7);

        Candidate top = matcher.match("5G towers spread the coronavirus https://t.co/a1b2c3d4 2021-03-03 10:15:22", 3)
                .candidates()
                .get(0);
        assertThat(top.id()).isEqualTo("5g");
        assertThat(top.band()).as("five words that say something").isNotEqualTo(Band.AUTO);
    }

    @Test
    void cleansControlCharactersAndBrokenSurrogates() {
        assertThat(ClaimMatcher.clean("a\u0000b\uD800c\uDC00d😀e\u0007")).isEqualTo("a b c d😀e ");
        var outcome = matcher.match("5G\u0000towers spread\uD800 the coronavirus", 3);
        assertThat(outcome.candidates().get(0).id()).isEqualTo("5g");
    }

    @Test
    void usesTheGivenLanguageOverTheDetectedOne() {
        var english = matcher.match("shark video flooded highway Houston", Language.EN, 3);
        assertThat(english.candidates().get(0).id()).isEqualTo("shark");
        assertThat(english.candidates().get(0).dense()).isNotNull();
        assertThat(english.candidates().get(0).highlights()).contains("shark");
    }

    @Test
    void tweetCleanupKeepsTheSpeakerAndSplitsHashtags() {
        String cleaned = TweetCleanup.clean(
                "Wow #FakeNews5G by @IvankaTrump spreads https://t.co/abc via @someone — Jane Doe (@janedoe) January 14, 2020");
        assertThat(cleaned)
                .contains("Fake News 5 G")
                .contains("Jane Doe")
                .contains("Ivanka Trump")
                .doesNotContain("someone")
                .doesNotContain("janedoe")
                .doesNotContain("http")
                .doesNotContain("@")
                .doesNotContain("2020");
    }
}
