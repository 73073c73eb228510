package org.factdesk.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.factdesk.cases.Rating;
import org.junit.jupiter.api.Test;

class ClaimReviewScaleTests {

    @Test
    void everyRatingLiesOnTheScaleFromFalseToTrue() {
        for (Rating rating : Rating.values()) {
            assertThat(ClaimReviewScale.value(rating)).isBetween(ClaimReviewScale.WORST, ClaimReviewScale.BEST);
        }
        assertThat(ClaimReviewScale.value(Rating.FALSE)).isEqualTo(ClaimReviewScale.WORST);
        assertThat(ClaimReviewScale.value(Rating.TRUE)).isEqualTo(ClaimReviewScale.BEST);
        assertThat(ClaimReviewScale.value(Rating.PARTLY_FALSE)).isGreaterThan(ClaimReviewScale.value(Rating.FALSE));
    }
}
