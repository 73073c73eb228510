package org.factdesk.intake;

import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/** Inbox filters; null means any. {@code text} is matched with and without Vietnamese diacritics. */
public record ItemQuery(
        @Nullable String text,
        @Nullable ItemStatus status,
        @Nullable Platform platform,
        @Nullable Language language,
        @Nullable UnitId unit) {

    public static final ItemQuery ALL = new ItemQuery(null, null, null, null, null);
}
