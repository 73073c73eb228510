package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A query's bigrams, made from its folded tokens, are exactly what the bigram analyzer makes of the text. */
class QueryTermsTests {

    private final AnalyzerSet analyzers = AnalyzerSet.defaults();

    @Test
    void bigramsFromTheFoldedTokensEqualTheBigramAnalysis() throws Exception {
        List<String> texts = List.of(
                "Uống nước chanh nóng diệt được virus corona",
                "ko dc uong nc da lanh khi bi covy nha mn, bs noi vay do",
                "Cô Vy lây qua đường hô hấp 😷😷 #tiendien #canhbao https://t.co/abc @BoYTe",
                "BREAKING: 5G towers spread #COVID19 — John Doe (@jdoe) March 3, 2020",
                "ngân hàng nông nghiệp gọi điện bảo đọc mã OTP, chích ngừa xong bị bệnh k",
                "Vaccinnnnes are sooo dangerous!!! they contain microchips…",
                "  ",
                "a");
        for (String text : texts) {
            assertThat(ClaimMatcher.queryTerms(analyzers, AnalyzerSet.BIGRAM, text))
                    .as(text)
                    .isEqualTo(ClaimMatcher.terms(analyzers.analyzer(), AnalyzerSet.BIGRAM, text));
        }
    }

    @Test
    void bigramsAgreeOnRandomText() throws Exception {
        Random random = new Random(2021);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ ốồổỗộ  .,!?#@😷0123456789kojdcvs";
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            assertThat(ClaimMatcher.queryTerms(analyzers, AnalyzerSet.BIGRAM, text.toString()))
                    .as(text.toString())
                    .isEqualTo(ClaimMatcher.terms(analyzers.analyzer(), AnalyzerSet.BIGRAM, text.toString()));
        }
    }
}
