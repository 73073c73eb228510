package org.factdesk.feeds;

import java.time.Instant;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;

/**
 * An entry taken from a feed: its GUID (often its link), when it was taken, and what became of it: a new item, an
 * item already in the desk (a duplicate), or a refusal with its reason.
 *
 * @param headline the item's headline, when there is an item
 * @param refusal the reason (message key and values), when the entry was refused
 */
public record FeedEntry(
        String guid,
        Instant takenAt,
        @Nullable ItemId item,
        @Nullable String headline,
        boolean newItem,
        @Nullable FeedError refusal) {}
