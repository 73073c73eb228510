package org.factdesk.feeds;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.factdesk.feeds.FeedExceptions.FeedConflict;
import org.factdesk.feeds.FeedExceptions.FeedNotFound;
import org.factdesk.feeds.FeedExceptions.InvalidFeed;
import org.factdesk.feeds.internal.FeedEntries;
import org.factdesk.feeds.internal.FeedSchedule;
import org.factdesk.feeds.internal.FeedUrls;
import org.factdesk.feeds.internal.Feeds;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.fetch.FetchFailed;
import org.factdesk.intake.fetch.LinkFetcher;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feed monitoring's API: subscribe a unit to an RSS/Atom feed, pause, resume, delete, poll now, and list the feeds
 * with the state of their polling. The members of a unit see its feeds; its administrators manage them (the product
 * brief gives feeds to the unit administrator: a subscription sends the desk's requests to another party's server and
 * fills the unit's inbox); a checker of the unit may ask for a poll now, which changes nothing but the time of the
 * next poll.
 *
 * <p>Polls run as db-scheduler executions (see {@code FeedSchedule}), so changes here are committed before the poll
 * they plan can start, and a poll that is running when its feed is paused or deleted ends its schedule itself.
 */
@Service
public class FeedManagement {

    private static final int MAX_TITLE = 300;
    private static final int POLL_NOW_ATTEMPTS = 30;

    private final Feeds feeds;
    private final FeedSchedule schedule;
    private final NetworkManagement network;
    private final FeedsProperties properties;
    private final Clock clock;
    private final LinkFetcher fetcher;
    private final FeedEntries entries;
    private final IntakeManagement intake;

    FeedManagement(
            Feeds feeds,
            FeedSchedule schedule,
            LinkFetcher fetcher,
            NetworkManagement network,
            FeedsProperties properties,
            Clock clock,
            FeedEntries entries,
            IntakeManagement intake) {
        this.feeds = feeds;
        this.entries = entries;
        this.intake = intake;
        this.schedule = schedule;
        this.fetcher = fetcher;
        this.network = network;
        this.properties = properties;
        this.clock = clock;
    }

    /** The feeds of the units the user belongs to, with how many entries each gave. */
    @Transactional(readOnly = true)
    public List<FeedListing> feeds(CurrentUser actor) {
        Map<UnitId, String> names = network.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
        List<Feed> found = feeds.ofUnits(actor.units());
        Map<FeedId, long[]> counts =
                feeds.entryCounts(found.stream().map(Feed::id).toList());
        return found.stream()
                .map(feed -> listed(feed, names.getOrDefault(feed.unit(), ""), counts))
                .sorted(Comparator.comparing((FeedListing listing) -> listing.unitName())
                        .thenComparing(listing -> listing.feed().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /**
     * One feed with its unit's name and how many entries it gave.
     *
     * @throws FeedNotFound when there is none, or the user is no member of its unit
     */
    @Transactional(readOnly = true)
    public FeedListing listing(CurrentUser actor, FeedId id) {
        Feed feed = get(actor, id);
        String unit = network.findUnit(feed.unit()).map(Unit::name).orElse("");
        return listed(feed, unit, feeds.entryCounts(List.of(id)));
    }

    private static FeedListing listed(Feed feed, String unitName, Map<FeedId, long[]> counts) {
        long[] count = counts.getOrDefault(feed.id(), new long[2]);
        return new FeedListing(feed, unitName, count[0], count[1]);
    }

    /** @throws FeedNotFound when there is none, or the user is no member of its unit */
    @Transactional(readOnly = true)
    public Feed get(CurrentUser actor, FeedId id) {
        Feed feed = feeds.find(id).orElseThrow(() -> new FeedNotFound(id));
        if (!actor.isMemberOf(feed.unit())) {
            throw new FeedNotFound(id);
        }
        return feed;
    }

    /**
     * The entries most recently taken from a feed, newest first, with the headlines of their items.
     *
     * @throws FeedNotFound when there is none, or the user is no member of its unit
     */
    @Transactional(readOnly = true)
    public List<FeedEntry> entries(CurrentUser actor, FeedId id, int limit) {
        get(actor, id);
        List<FeedEntries.Row> rows = entries.recent(id, limit);
        Map<ItemId, String> headlines = intake
                .findAll(rows.stream()
                        .map(FeedEntries.Row::item)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(Item::id, Item::headline));
        return rows.stream()
                .map(row -> new FeedEntry(
                        row.guid(),
                        row.at(),
                        row.item(),
                        row.item() == null ? null : headlines.get(row.item()),
                        row.newItem(),
                        row.refusal()))
                .toList();
    }

    /** The units where the user may subscribe to feeds, by name. */
    @Transactional(readOnly = true)
    public List<Unit> unitsForManagement(CurrentUser actor) {
        return network.units().stream()
                .filter(unit -> actor.hasRole(unit.id(), Role.ADMIN))
                .sorted(Comparator.comparing(Unit::name))
                .toList();
    }

    public boolean canManage(CurrentUser actor, Feed feed) {
        return actor.hasRole(feed.unit(), Role.ADMIN);
    }

    public boolean canPoll(CurrentUser actor, Feed feed) {
        return actor.hasRole(feed.unit(), Role.CHECKER);
    }

    /**
     * Subscribes a unit to a feed; its first poll starts at once. Refused: a URL that is not http(s), a host the
     * fetcher would refuse (a private, loopback or link-local address, checked now so that the administrator hears
     * it at once; every poll checks again), an interval out of bounds, a feed the unit already has.
     */
    public Feed subscribe(CurrentUser actor, SubscribeFeed request) {
        UnitId unit = unitFor(actor, request.unit());
        URI uri = FeedUrls.check(request.url());
        refuseUnfetchable(uri);
        String title = title(request.title());
        Duration interval = interval(request.pollMinutes());
        Instant now = clock.instant();
        Feed feed = Feed.subscribe(unit, uri.toString(), title, interval, actor.id(), now);
        try {
            feeds.insert(feed, FeedUrls.key(uri));
        } catch (DuplicateKeyException exists) {
            throw new FeedConflict("feeds.error.duplicate", uri.toString());
        }
        schedule.pollAt(feed.id(), now);
        return feed;
    }

    /**
     * Renames the feed and changes its poll interval (see {@link EditFeed}). A shorter interval brings a planned poll
     * forward to one interval after the last poll (for a failing feed, to its retry delay under the new interval), or
     * to now; a longer one applies from the next poll on.
     */
    public Feed edit(CurrentUser actor, FeedId id, EditFeed request) {
        Feed feed = managed(actor, id);
        String title = request.title() == null ? feed.title() : title(request.title());
        Duration interval = request.pollMinutes() == null ? feed.pollInterval() : interval(request.pollMinutes());
        Feed edited = feed.withSettings(title, interval);
        Instant sooner = soonerPoll(edited);
        // Unless moved, the planned time stays; so does the time a poll running now plans for itself.
        Instant moved = sooner != null && schedule.pollAt(id, sooner) ? sooner : null;
        if (moved != null) {
            edited = edited.pollAt(moved);
        }
        feeds.updateSettings(edited, moved);
        return edited;
    }

    /**
     * When an active feed with these settings is due, if that is before its planned poll: one interval (for a failing
     * feed, its retry delay) after its last poll, or now.
     */
    private @Nullable Instant soonerPoll(Feed feed) {
        if (!feed.active() || feed.lastPolledAt() == null || feed.nextPollAt() == null) {
            return null;
        }
        Duration wait = feed.lastError() == null
                ? feed.pollInterval()
                : Feed.retryDelay(feed.pollInterval(), feed.consecutiveFailures(), properties.maxBackOff());
        Instant due = feed.lastPolledAt().plus(wait);
        Instant now = clock.instant();
        Instant sooner = due.isBefore(now) ? now : due;
        return sooner.isBefore(feed.nextPollAt()) ? sooner : null;
    }

    /** Stops polling the feed; its entries and items stay. */
    public Feed pause(CurrentUser actor, FeedId id) {
        Feed feed = managed(actor, id);
        if (!feed.active()) {
            return feed;
        }
        Feed paused = feed.paused();
        feeds.setActive(paused);
        schedule.cancel(id);
        return paused;
    }

    /** Polls the feed again, the first time at once. */
    public Feed resume(CurrentUser actor, FeedId id) {
        Feed feed = managed(actor, id);
        if (feed.active()) {
            return feed;
        }
        Feed resumed = feed.resumed(clock.instant());
        feeds.setActive(resumed);
        pollSoon(id);
        return resumed;
    }

    /** Ends the subscription. The items its entries became stay in the inbox; nothing is lost. */
    public void delete(CurrentUser actor, FeedId id) {
        managed(actor, id);
        schedule.cancel(id);
        feeds.delete(id);
    }

    /**
     * Polls the feed as soon as a scheduler thread is free, instead of at its planned time; asked while it is being
     * polled, it is polled again right after.
     */
    public void pollNow(CurrentUser actor, FeedId id) {
        Feed feed = get(actor, id);
        if (!canPoll(actor, feed)) {
            throw new Forbidden("feeds.error.not-checker");
        }
        if (!feed.active()) {
            throw new FeedConflict("feeds.error.paused");
        }
        pollSoon(id);
    }

    /**
     * Plans a poll now. The request is written first: a poll running at this moment reads it when it ends and
     * plans the next poll for now; a poll ending between that read and its reschedule cannot be rescheduled for a
     * moment, so planning is retried briefly.
     */
    private void pollSoon(FeedId id) {
        feeds.requestPoll(id);
        for (int attempt = 0; attempt < POLL_NOW_ATTEMPTS; attempt++) {
            if (schedule.pollAt(id, clock.instant())) {
                schedule.wakeUp();
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Feed managed(CurrentUser actor, FeedId id) {
        Feed feed = get(actor, id);
        if (!canManage(actor, feed)) {
            throw new Forbidden("feeds.error.not-admin");
        }
        return feed;
    }

    private UnitId unitFor(CurrentUser actor, @Nullable UnitId requested) {
        if (requested != null) {
            if (!actor.hasRole(requested, Role.ADMIN)) {
                throw new Forbidden("feeds.error.not-admin");
            }
            network.unit(requested);
            return requested;
        }
        return unitsForManagement(actor).stream()
                .findFirst()
                .map(Unit::id)
                .orElseThrow(() -> new Forbidden("feeds.error.not-admin"));
    }

    /**
     * Refuses a URL the fetcher would never fetch: a host that resolves to a private, loopback or link-local address
     * (unless allowed by {@code factdesk.intake.fetch.allowed-hosts}). A host that does not resolve now is accepted:
     * the fetcher counts that as passing, and the feed list will show it.
     */
    private void refuseUnfetchable(URI uri) {
        try {
            fetcher.check(uri.toString());
        } catch (FetchFailed refused) {
            if (!refused.retryable()) {
                throw new InvalidFeed(refused.messageKey(), refused.arguments());
            }
        }
    }

    private static @Nullable String title(@Nullable String requested) {
        String title = requested == null || requested.isBlank() ? null : requested.strip();
        if (title != null && title.length() > MAX_TITLE) {
            throw new InvalidFeed("feeds.error.title-too-long", MAX_TITLE);
        }
        return title;
    }

    private Duration interval(@Nullable Integer minutes) {
        if (minutes == null) {
            return properties.defaultInterval();
        }
        Duration interval = Duration.ofMinutes(minutes);
        if (interval.compareTo(properties.minInterval()) < 0 || interval.compareTo(properties.maxInterval()) > 0) {
            throw intervalRule();
        }
        return interval;
    }

    /** The refusal of an interval outside the configured bounds, naming them (also for forms that cannot bind one). */
    public InvalidFeed intervalRule() {
        return new InvalidFeed(
                "feeds.error.interval",
                properties.minInterval().toMinutes(),
                properties.maxInterval().toMinutes());
    }
}
