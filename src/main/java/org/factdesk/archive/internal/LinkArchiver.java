package org.factdesk.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.factdesk.archive.ArchiveProperties;
import org.factdesk.archive.Link;
import org.factdesk.archive.LinkArchived;
import org.factdesk.archive.LinkState;
import org.factdesk.archive.PageMetadata;
import org.factdesk.archive.Snapshot;
import org.factdesk.archive.SnapshotId;
import org.factdesk.intake.fetch.FetchFailed;
import org.factdesk.intake.fetch.FetchRequest;
import org.factdesk.intake.fetch.Fetched;
import org.factdesk.intake.fetch.LinkFetcher;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt at fetching an item's URL, as the scheduled task runs it: fetch (through the SSRF-safe
 * {@link LinkFetcher}, outside any transaction), store the body by its SHA-256, then record the snapshot and the link's
 * new state in one transaction. A failure is recorded on the link with its reason (a message key and arguments): a
 * refused address is REFUSED, a failure that may pass (timeout, connection, 5xx, 429) is tried again after a growing
 * delay until {@link ArchiveProperties#maxAttempts()}, anything else is FAILED at once. Nothing of the item itself is
 * touched: it stays usable whatever happens here.
 */
@Component
public class LinkArchiver {

    /** What the fetch accepts: pages, plain text and images; anything else is WRONG_TYPE. */
    static final String[] ACCEPTED_TYPES = {"text/html", "application/xhtml+xml", "text/*", "image/*"};

    private static final Logger log = LoggerFactory.getLogger(LinkArchiver.class);

    private final Links links;
    private final Snapshots snapshots;
    private final SnapshotStore store;
    private final LinkFetcher fetcher;
    private final ArchiveProperties properties;
    private final MetadataExtractor extractor;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LinkArchiver(
            Links links,
            Snapshots snapshots,
            SnapshotStore store,
            LinkFetcher fetcher,
            ArchiveProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.links = links;
        this.snapshots = snapshots;
        this.store = store;
        this.fetcher = fetcher;
        this.properties = properties;
        this.extractor = new MetadataExtractor(properties.excerptLength());
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** How an attempt ended: done (whatever the state), or to be tried again at {@code retryAt}. */
    public record Attempt(@Nullable Instant retryAt) {

        static final Attempt DONE = new Attempt(null);
    }

    /** Fetches the item's URL if its link is PENDING; a link in any other state (or none) is left alone. */
    public Attempt attempt(ItemId item) {
        Optional<Link> pending = links.find(item).filter(link -> link.state() == LinkState.PENDING);
        if (pending.isEmpty()) {
            return Attempt.DONE;
        }
        Link link = pending.get();
        Fetched fetched;
        try {
            fetched = fetcher.fetch(FetchRequest.of(link.url(), ACCEPTED_TYPES));
        } catch (FetchFailed failed) {
            return failed(link, failed);
        }
        try {
            archive(item, fetched);
            return Attempt.DONE;
        } catch (RuntimeException storage) {
            log.warn("Could not archive the fetched {} of item {}", fetched.finalUrl(), item, storage);
            return recordFailure(link, LinkState.PENDING, "archive.error.storage", new Object[0], true);
        }
    }

    private void archive(ItemId item, Fetched fetched) {
        PageMetadata metadata;
        try {
            metadata = extractor.extract(fetched.body(), fetched.contentType(), fetched.charset(), fetched.finalUrl());
        } catch (RuntimeException unreadable) {
            log.info("No metadata from {}: {}", fetched.finalUrl(), unreadable.toString());
            metadata = PageMetadata.only(Platform.ofUrl(fetched.finalUrl()));
        }
        // The body is on disk before a row points at it; a body without a row is harmless (content-addressed).
        store.store(fetched.sha256(), fetched.body());
        Snapshot snapshot = new Snapshot(
                SnapshotId.random(),
                item,
                fetched.requestedUrl(),
                fetched.finalUrl(),
                fetched.status(),
                fetched.contentType(),
                fetched.body().length,
                fetched.sha256(),
                fetched.fetchedAt(),
                fetched.headers());
        PageMetadata captured = metadata;
        transactions.executeWithoutResult(status -> {
            snapshots.insert(snapshot);
            links.fetched(item, captured, fetched.fetchedAt(), clock.instant());
            events.publishEvent(new LinkArchived(item, captured.title(), captured.text()));
        });
    }

    private Attempt failed(Link link, FetchFailed failed) {
        LinkState state = switch (failed.reason()) {
            case SCHEME_REFUSED, ADDRESS_REFUSED, NUMERIC_HOST, CREDENTIALS_IN_URL, HOST_NOT_ALLOWED ->
                LinkState.REFUSED;
            default -> failed.retryable() ? LinkState.PENDING : LinkState.FAILED;
        };
        return recordFailure(link, state, failed.messageKey(), failed.arguments(), failed.retryable());
    }

    private Attempt recordFailure(Link link, LinkState state, String key, Object[] arguments, boolean retryable) {
        Instant now = clock.instant();
        int attempts = link.attempts() + 1;
        Instant next = null;
        LinkState recorded = state;
        if (retryable && state == LinkState.PENDING) {
            if (attempts < properties.maxAttempts()) {
                next = now.plus(properties.delayAfter(attempts));
            } else {
                recorded = LinkState.FAILED;
            }
        }
        Instant retryAt = next;
        LinkState finalState = recorded;
        transactions.executeWithoutResult(
                status -> links.failed(link.item(), finalState, key, arguments, retryAt, now));
        return new Attempt(retryAt);
    }
}
