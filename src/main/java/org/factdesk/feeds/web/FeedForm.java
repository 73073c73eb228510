package org.factdesk.feeds.web;

import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/** The subscribe form; the interval in minutes. */
record FeedForm(
        @Nullable UnitId unit,
        @Nullable String url,
        @Nullable String title,
        @Nullable Integer pollMinutes) {

    static FeedForm empty(int defaultMinutes) {
        return new FeedForm(null, null, null, defaultMinutes);
    }
}
