package org.factdesk.intake.web;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/** The submit form. Language "AUTO" (null) means detect it; seenAt is in the user's time zone. */
record ItemForm(
        @Nullable UnitId unit,

        @Nullable @Size(max = 2048, message = "{intake.validation.url-length}")
        String url,

        @Nullable @Size(max = 500, message = "{intake.validation.title-length}")
        String title,

        @Nullable String text,
        @Nullable Platform platform,
        @Nullable String language,
        @Nullable LocalDateTime seenAt,

        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long likes,

        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long shares,

        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long comments,

        @Nullable @PositiveOrZero(message = "{intake.validation.engagement}")
        Long views,

        @Nullable String note) {

    static ItemForm empty() {
        return new ItemForm(null, null, null, null, null, "AUTO", null, null, null, null, null, null);
    }
}
