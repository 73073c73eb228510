package org.factdesk.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.ItemId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fixtures for the feed tests: subscribe, poll now and wait for the poll (which runs in the scheduler) to be
 * recorded, and read the items a feed brought.
 */
final class FeedsDesk {

    private final FeedManagement feeds;
    private final IntakeManagement intake;
    private final JdbcClient jdbc;

    FeedsDesk(FeedManagement feeds, IntakeManagement intake, JdbcClient jdbc) {
        this.feeds = feeds;
        this.intake = intake;
        this.jdbc = jdbc;
    }

    /** A word no other test uses, letters only. */
    static String marker() {
        return org.factdesk.testing.OwnText.marker();
    }

    /** Waits for the first poll after subscribing. */
    Feed firstPoll(CurrentUser user, FeedId id) {
        return eventually(() -> feeds.get(user, id), feed -> feed.lastPolledAt() != null);
    }

    /** Asks for a poll now and waits until it is recorded. */
    Feed pollNow(CurrentUser user, FeedId id) {
        Instant before = feeds.get(user, id).lastPolledAt();
        feeds.pollNow(user, id);
        return awaitPollAfter(user, id, before);
    }

    Feed awaitPollAfter(CurrentUser user, FeedId id, Instant before) {
        return eventually(
                () -> feeds.get(user, id),
                feed -> feed.lastPolledAt() != null
                        && (before == null || feed.lastPolledAt().isAfter(before)));
    }

    /** The items the feed's entries became or were recognised as, the oldest seen first. */
    List<Item> items(FeedId feed) {
        List<ItemId> ids = jdbc
                .sql("select item_id from feeds_entry where feed_id = :feed and item_id is not null")
                .param("feed", feed.value())
                .query(UUID.class)
                .list()
                .stream()
                .map(ItemId::new)
                .toList();
        return intake.findAll(ids).stream()
                .sorted(java.util.Comparator.comparing(Item::seenAt).thenComparing(Item::headline))
                .toList();
    }

    long entries(FeedId feed) {
        return jdbc.sql("select count(*) from feeds_entry where feed_id = :feed")
                .param("feed", feed.value())
                .query(Long.class)
                .single();
    }

    static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = probe.get();
        }
        return value;
    }
}
