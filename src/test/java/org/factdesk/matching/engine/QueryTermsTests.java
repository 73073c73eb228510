package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A query's fields are analysed once: its folded tokens are its exact tokens folded term by term, and its bigrams
 * are made from the folded tokens. Each is exactly what the field's own analyzer makes of the text.
 */
class QueryTermsTests {

    private final AnalyzerSet analyzers = AnalyzerSet.defaults();

    private static final List<String> FIELDS = List.of(AnalyzerSet.FOLDED, AnalyzerSet.EXACT, AnalyzerSet.BIGRAM);

    @Test
    void everyFieldEqualsItsOwnAnalysis() throws Exception {
        List<String> texts = List.of(
                "Uống nước chanh nóng diệt được virus corona",
                "ko dc uong nc da lanh khi bi covy nha mn, bs noi vay do",
                "Cô Vy lây qua đường hô hấp 😷😷 #tiendien #canhbao https://t.co/abc @BoYTe",
                "BREAKING: 5G towers spread #COVID19 — John Doe (@jdoe) March 3, 2020",
                "ngân hàng nông nghiệp gọi điện bảo đọc mã OTP, chích ngừa xong bị bệnh k",
                "Vaccinnnnes are sooo dangerous!!! they contain microchips…",
                "ĐỪNG TIÊM VẮC XIN, Ưu tiên ĐƯỢC KHÔNG?",
                "Vắc xin (decomposed: Va\u0306\u0301c xin) \u0301\u0300 mn ơi",
                "  ",
                "a");
        for (String text : texts) {
            assertAgree(text);
        }
    }

    @Test
    void everyFieldAgreesOnRandomText() throws Exception {
        Random random = new Random(2021);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ ốồổỗộ  .,!?#@😷0123456789kojdcvsĐƯẮ\u0301\u0303";
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            assertAgree(text.toString());
        }
    }

    private void assertAgree(String text) throws Exception {
        for (String field : FIELDS) {
            assertThat(ClaimMatcher.queryTerms(analyzers, field, text))
                    .as(field + ": " + text)
                    .isEqualTo(ClaimMatcher.terms(analyzers.analyzer(), field, text));
        }
        assertThat(ClaimMatcher.queryFoldedTokens(analyzers, text))
                .as("folded tokens with offsets: " + text)
                .isEqualTo(ClaimAnalysis.tokens(analyzers.analyzer(), AnalyzerSet.FOLDED, text));
    }
}
