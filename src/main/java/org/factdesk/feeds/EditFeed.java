package org.factdesk.feeds;

import org.jspecify.annotations.Nullable;

/**
 * A change to a feed's settings; a {@code null} field stays as it is. A blank {@code title} drops the unit's own name,
 * so that the feed's title shows again.
 */
public record EditFeed(@Nullable String title, @Nullable Integer pollMinutes) {}
