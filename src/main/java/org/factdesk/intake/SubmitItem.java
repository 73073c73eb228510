package org.factdesk.intake;

import java.time.Instant;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * A request to log an item. Either {@code url} or {@code text} is required. Without {@code unit}, the item is
 * logged for the submitter's first unit where they check; without {@code language}, it is detected; without
 * {@code seenAt}, it is now.
 */
public record SubmitItem(
        @Nullable UnitId unit,
        @Nullable String url,
        @Nullable String title,
        @Nullable String text,
        Platform platform,
        @Nullable Language language,
        @Nullable Instant seenAt,
        @Nullable Engagement engagement,
        @Nullable String note) {

    /** The common case: a link or a pasted text seen now. */
    public static SubmitItem of(@Nullable String url, @Nullable String text, Platform platform) {
        return new SubmitItem(null, url, null, text, platform, null, null, null, null);
    }
}
