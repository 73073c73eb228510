package org.factdesk.feeds;

/**
 * A feed as the feed list shows it.
 *
 * @param entries entries taken from it so far
 * @param newItems how many of them were new items (the others were recognised as items already stored)
 */
public record FeedListing(Feed feed, String unitName, long entries, long newItems) {}
