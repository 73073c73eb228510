package org.factdesk.feeds;

import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.RuleViolation;

/** The typed refusals of feed monitoring. */
public final class FeedExceptions {

    private FeedExceptions() {}

    public static final class FeedNotFound extends NotFound {
        public FeedNotFound(Object id) {
            super("feeds.error.not-found", id);
        }
    }

    /** A subscription that can never be accepted: bad URL, scheme, address or interval. */
    public static final class InvalidFeed extends InvalidInput {
        public InvalidFeed(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The unit already monitors this feed, or the feed is in a state that does not allow the action. */
    public static final class FeedConflict extends RuleViolation {
        public FeedConflict(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }
}
