package org.factdesk.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factdesk.shared.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VietnameseRankingTests {

    private static ClaimIndex index;

    @BeforeAll
    static void index() {
        index = ClaimIndex.inMemory(AnalyzerSet.defaults(), null, null);
        index.replaceAll(List.of(
                ClaimDoc.of("power", "Giá điện sinh hoạt sẽ tăng gấp đôi từ tháng sau.", null),
                ClaimDoc.of("refund", "Ví điện tử hoàn tiền điện cho người dùng đăng ký qua trang web lạ.", null),
                ClaimDoc.of("bank-face", "Ngân hàng nhắn tin yêu cầu bấm đường link để cập nhật sinh trắc học.", null),
                ClaimDoc.of(
                        "bank-loan",
                        "Ngân hàng nhắn tin yêu cầu bấm đường link để nhận khoản vay lãi suất thấp.",
                        null)));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String top(MatcherSettings settings, String text) {
        return new ClaimMatcher(index, settings)
                .match(text, Language.VI, 3)
                .candidates()
                .get(0)
                .id();
    }

    @Test
    void splitsJoinedSyllablesOfAHashtag() {
        assertThat(top(MatcherSettings.defaults(), "#tiendien #tanggapdoi thang sau"))
                .isEqualTo("power");
    }

    @Test
    void coverageFavoursTheClaimWhoseDetailThePostNames() {
        String post = "NH nhắn tin bắt bấm link cập nhật sinh trắc học, lãi lãi lãi";
        assertThat(top(MatcherSettings.defaults(), post)).isEqualTo("bank-face");
        assertThat(top(MatcherSettings.defaults().withCoverageWeight(0), post)).isIn("bank-face", "bank-loan");
    }
}
