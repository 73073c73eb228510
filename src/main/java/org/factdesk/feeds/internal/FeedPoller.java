package org.factdesk.feeds.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.factdesk.feeds.Feed;
import org.factdesk.feeds.FeedError;
import org.factdesk.feeds.FeedId;
import org.factdesk.feeds.FeedsProperties;
import org.factdesk.feeds.internal.FeedParser.Entry;
import org.factdesk.feeds.internal.FeedParser.ParsedFeed;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.IntakeProperties;
import org.factdesk.intake.SubmissionResult;
import org.factdesk.intake.SubmitItem;
import org.factdesk.intake.fetch.FetchFailed;
import org.factdesk.intake.fetch.FetchRequest;
import org.factdesk.intake.fetch.Fetched;
import org.factdesk.intake.fetch.LinkFetcher;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One poll of one feed: a conditional GET through the SSRF-safe {@link LinkFetcher}, the entries not taken yet
 * submitted to intake as items of the feed's unit, and the outcome recorded on the feed. Never throws: whatever goes
 * wrong (refused address, timeout, HTTP error, HTML page, malformed XML, a database error) is recorded as the feed's
 * last error with the time of the next try, and other feeds, which poll in executions of their own, are not touched.
 *
 * <p>An entry is recorded as taken only after intake has stored it (or recognised it as an item already stored), each
 * in its own transaction: a poll cut short leaves the entries it took, and the next poll takes the rest. An entry taken
 * again after a crash between the two steps is recognised by intake by its URL or text and not stored twice.
 */
@Component
public class FeedPoller {

    /** What a feed may be served as; HTML is fetched too, only to say which feed a page advertises. */
    static final String[] ACCEPTED_TYPES = {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "text/html",
        "application/xhtml+xml"
    };

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final int MAX_TITLE = 500;

    private final Feeds feeds;
    private final FeedEntries entries;
    private final LinkFetcher fetcher;
    private final IntakeManagement intake;
    private final IntakeProperties intakeProperties;
    private final FeedsProperties properties;
    private final Clock clock;

    FeedPoller(
            Feeds feeds,
            FeedEntries entries,
            LinkFetcher fetcher,
            IntakeManagement intake,
            IntakeProperties intakeProperties,
            FeedsProperties properties,
            Clock clock) {
        this.feeds = feeds;
        this.entries = entries;
        this.fetcher = fetcher;
        this.intake = intake;
        this.intakeProperties = intakeProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /** Polls the feed once; answers when to poll it next, or empty when it was deleted or paused (its task ends). */
    public Optional<Instant> poll(FeedId id) {
        Optional<Feed> found = feeds.find(id);
        if (found.isEmpty() || !found.get().active()) {
            return Optional.empty();
        }
        Feed feed = found.get();
        feeds.takePollRequest(id); // this poll answers every request made before it started
        Instant started = clock.instant();
        Feed polled;
        try {
            polled = read(feed, started);
        } catch (FetchFailed failed) {
            polled = feed.failed(started, new FeedError(failed.messageKey(), strings(failed.arguments())), backOff());
        } catch (FeedUnreadable unreadable) {
            polled = feed.failed(started, unreadable.error(), backOff());
        } catch (RuntimeException unexpected) {
            log.warn("Polling feed {} ({}) failed", id, feed.url(), unexpected);
            polled = feed.failed(
                    started,
                    new FeedError(
                            "feeds.error.unexpected",
                            List.of(unexpected.getClass().getSimpleName())),
                    backOff());
        }
        if (feeds.takePollRequest(id)) {
            polled = polled.pollAt(clock.instant());
        }
        feeds.recordPoll(polled);
        Optional<Feed> after = feeds.find(id);
        if (after.isEmpty() || !after.get().active()) {
            return Optional.empty();
        }
        return Optional.ofNullable(after.get().nextPollAt());
    }

    private Feed read(Feed feed, Instant now) {
        Fetched fetched = fetcher.fetch(
                FetchRequest.of(feed.url(), ACCEPTED_TYPES).conditional(feed.etag(), feed.lastModified()));
        if (fetched.notModified()) {
            return feed.succeeded(
                    now,
                    orElse(fetched.header("etag"), feed.etag()),
                    orElse(fetched.header("last-modified"), feed.lastModified()),
                    null);
        }
        if (fetched.contentType().equals("text/html") || fetched.contentType().equals("application/xhtml+xml")) {
            throw htmlPage(fetched);
        }
        ParsedFeed parsed = FeedParser.parse(fetched.body(), fetched.header("content-type"), fetched.finalUrl());
        take(feed, parsed, now);
        return feed.succeeded(now, fetched.header("etag"), fetched.header("last-modified"), parsed.title());
    }

    /**
     * Submits the entries not taken yet among the newest {@code maxEntriesPerPoll} of the feed (by date; entries
     * without one keep their place in the document), the oldest first.
     */
    private void take(Feed feed, ParsedFeed parsed, Instant now) {
        List<Entry> newest = parsed.entries().stream()
                .sorted(Comparator.comparing(Entry::published, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(properties.maxEntriesPerPoll())
                .toList();
        Set<String> taken = new HashSet<>(
                entries.known(feed.id(), newest.stream().map(Entry::key).toList()));
        List<Entry> oldestFirst = new ArrayList<>(newest);
        Collections.reverse(oldestFirst);
        for (Entry entry : oldestFirst) {
            if (!taken.add(entry.key())) {
                continue;
            }
            try {
                SubmissionResult result = intake.receiveFromFeed(feed.unit(), item(feed, parsed, entry, now));
                entries.record(
                        feed.id(), entry.key(), entry.guid(), result.item().id(), !result.duplicate(), null, now);
            } catch (InvalidInput refused) {
                log.info("Feed {}: entry {} refused by intake: {}", feed.id(), entry.guid(), refused.getMessage());
                entries.record(
                        feed.id(),
                        entry.key(),
                        entry.guid(),
                        null,
                        false,
                        new FeedError(refused.messageKey(), strings(refused.arguments())),
                        now);
            }
        }
    }

    private SubmitItem item(Feed feed, ParsedFeed parsed, Entry entry, Instant now) {
        String title = cut(entry.title(), MAX_TITLE);
        String text = entry.text() != null ? entry.text() : entry.link() == null ? entry.title() : null;
        text = cut(text, intakeProperties.maxTextLength());
        Instant seen = entry.published() == null || entry.published().isAfter(now) ? now : entry.published();
        Language detected = Language.detect((title == null ? "" : title + " ") + (text == null ? "" : text));
        return new SubmitItem(
                feed.unit(),
                entry.link(),
                title,
                text,
                Platform.ofUrl(entry.link()),
                detected != null ? detected : parsed.language(),
                seen,
                null,
                cut(feed.name() + " · " + feed.url(), Math.min(500, intakeProperties.maxNoteLength())));
    }

    /** An HTML page instead of a feed: names the feed the page advertises, when it does. */
    private static FeedUnreadable htmlPage(Fetched fetched) {
        String charset = fetched.charset() == null ? "UTF-8" : fetched.charset();
        String html;
        try {
            html = new String(fetched.body(), charset);
        } catch (java.io.UnsupportedEncodingException unknown) {
            html = new String(fetched.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (Element link : Jsoup.parse(html, fetched.finalUrl()).select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (type.contains("rss") || type.contains("atom")) {
                return new FeedUnreadable("feeds.error.html-page-advertises", link.absUrl("href"));
            }
        }
        return new FeedUnreadable("feeds.error.html-page", fetched.contentType());
    }

    private java.time.Duration backOff() {
        return properties.maxBackOff();
    }

    private static List<String> strings(Object[] arguments) {
        return Arrays.stream(arguments).map(String::valueOf).toList();
    }

    private static @Nullable String orElse(@Nullable String value, @Nullable String fallback) {
        return value != null ? value : fallback;
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
