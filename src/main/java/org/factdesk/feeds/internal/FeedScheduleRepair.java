package org.factdesk.feeds.internal;

import java.time.Clock;
import java.time.Instant;
import org.factdesk.feeds.Feed;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start, gives every active feed its scheduled poll if it has none (subscribed while the scheduler was off, or
 * its instance lost): at its planned time, or now when that has passed. Idempotent, so every node may run it.
 */
@Component
class FeedScheduleRepair {

    private final Feeds feeds;
    private final FeedSchedule schedule;
    private final Clock clock;

    FeedScheduleRepair(Feeds feeds, FeedSchedule schedule, Clock clock) {
        this.feeds = feeds;
        this.schedule = schedule;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void repair() {
        Instant now = clock.instant();
        for (Feed feed : feeds.active()) {
            Instant planned = feed.nextPollAt();
            schedule.ensure(feed.id(), planned == null || planned.isBefore(now) ? now : planned);
        }
    }
}
