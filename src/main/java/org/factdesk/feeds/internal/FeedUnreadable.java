package org.factdesk.feeds.internal;

import java.util.Arrays;
import org.factdesk.feeds.FeedError;

/** The answer was fetched but is no feed that can be read; carries the reason shown in the feed list. */
public final class FeedUnreadable extends RuntimeException {

    private final FeedError error;

    public FeedUnreadable(String key, Object... arguments) {
        super(key + " " + Arrays.toString(arguments));
        this.error =
                new FeedError(key, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    public FeedError error() {
        return error;
    }
}
