package org.factdesk.feeds;

import java.util.List;

/**
 * Why the last poll of a feed failed, as a message key with its arguments (texts), so that it is shown in the reader's
 * language: the fetcher's reasons ({@code intake.fetch.error.*}) or the feed's own ({@code feeds.error.*}).
 */
public record FeedError(String key, List<String> arguments) {

    public FeedError {
        arguments = List.copyOf(arguments);
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
