package org.factdesk.feeds;

import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * A request to monitor a feed. Without {@code unit}, the first unit the user administers; without {@code title}, the
 * feed's own; without {@code pollMinutes}, the default interval.
 */
public record SubscribeFeed(
        @Nullable UnitId unit,
        String url,
        @Nullable String title,
        @Nullable Integer pollMinutes) {}
