package org.factdesk.intake;

import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

/** Engagement figures of a post when known (null when not known, which is not the same as zero). */
public record Engagement(
        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long likes,

        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long shares,

        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long comments,

        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long views) {

    public static final Engagement UNKNOWN = new Engagement(null, null, null, null);

    public boolean known() {
        return likes != null || shares != null || comments != null || views != null;
    }
}
