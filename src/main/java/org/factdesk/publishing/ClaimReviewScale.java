package org.factdesk.publishing;

import org.factdesk.cases.Rating;

/**
 * How our rating scale reads as a schema.org {@code Rating} in ClaimReview markup: a number from
 * {@link #WORST} (false) to {@link #BEST} (true), with the rating's name in the page's language as
 * {@code alternateName}, which is what search engines and readers show. Ratings that say nothing about truth
 * (unverifiable, satire) sit in the middle: their name, not their number, carries the meaning. See
 * docs/publishing.md.
 */
public final class ClaimReviewScale {

    public static final int WORST = 1;
    public static final int BEST = 5;

    private ClaimReviewScale() {}

    public static int value(Rating rating) {
        return switch (rating) {
            case FALSE -> 1;
            case MISLEADING, PARTLY_FALSE -> 2;
            case MISSING_CONTEXT, UNVERIFIABLE, SATIRE -> 3;
            case TRUE -> 5;
        };
    }
}
