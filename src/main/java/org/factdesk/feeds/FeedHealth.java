package org.factdesk.feeds;

/** What the feed list shows of a feed at a glance. */
public enum FeedHealth {
    /** Subscribed, not polled yet. */
    PENDING,
    /** The last poll succeeded. */
    OK,
    /** The last poll failed; it is retried with a growing delay. */
    FAILING,
    /** Not polled until resumed. */
    PAUSED
}
