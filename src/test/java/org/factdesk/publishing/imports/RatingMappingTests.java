package org.factdesk.publishing.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.factdesk.cases.Rating;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented mapping of other organisations' ratings to our scale. */
class RatingMappingTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            False             | FALSE
            Sai               | FALSE
            Sai sự thật       | FALSE
            SAI SU THAT       | FALSE
            Pants on fire     | FALSE
            Pants on Fire!    | FALSE
            Fake              | FALSE
            Bịa đặt           | FALSE
            Misleading        | MISLEADING
            Gây hiểu lầm      | MISLEADING
            Mostly false      | PARTLY_FALSE
            Partly false      | PARTLY_FALSE
            Half true         | PARTLY_FALSE
            Half-true         | PARTLY_FALSE
            Một phần sai      | PARTLY_FALSE
            Missing context   | MISSING_CONTEXT
            Thiếu bối cảnh    | MISSING_CONTEXT
            True              | TRUE
            Correct           | TRUE
            Đúng              | TRUE
            Mostly true       | TRUE
            Unproven          | UNVERIFIABLE
            Unverified        | UNVERIFIABLE
            Chưa kiểm chứng   | UNVERIFIABLE
            Satire            | SATIRE
            Châm biếm         | SATIRE
            Sai một phần      | PARTLY_FALSE
            Không thể kiểm chứng | UNVERIFIABLE
            Đúng sự thật      | TRUE
            """)
    void mapsKnownRatingTexts(String text, Rating expected) {
        assertThat(RatingMapping.ofText(text)).contains(expected);
        assertThat(RatingMapping.of(text, 5.0, 5.0, 1.0)).contains(expected);
    }

    @ParameterizedTest(name = "{0} on {2}..{1} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | 5 | 1  | FALSE
            2   | 5 | 1  | PARTLY_FALSE
            3   | 5 | 1  | MISSING_CONTEXT
            4   | 5 | 1  | TRUE
            5   | 5 | 1  | TRUE
            0   | 5 | 0  | FALSE
            -2  | 2 | -2 | FALSE
            -1  | 2 | -2 | PARTLY_FALSE
            2   | 2 | -2 | TRUE
            1   | 1 | 5  | TRUE
            5   | 1 | 5  | FALSE
            """)
    void fallsBackToTheValueOnItsScaleForAnUnknownText(double value, double best, double worst, Rating expected) {
        assertThat(RatingMapping.of("Four Pinocchios", value, best, worst)).contains(expected);
    }

    @Test
    void hasNoRatingForAnUnknownTextWithoutUsableNumbers() {
        assertThat(RatingMapping.of("Four Pinocchios", null, null, null)).isEmpty();
        assertThat(RatingMapping.of("Four Pinocchios", 3.0, null, 1.0)).isEmpty();
        assertThat(RatingMapping.of("Four Pinocchios", 3.0, 3.0, 3.0)).isEmpty();
        assertThat(RatingMapping.of("Four Pinocchios", 9.0, 5.0, 1.0)).isEmpty();
        assertThat(RatingMapping.of(null, null, 5.0, 1.0)).isEmpty();
    }

    @Test
    void everyRatingOfOurScaleHasTexts() {
        assertThat(RatingMapping.table().values()).containsOnly(Rating.values());
    }
}
