package org.factdesk.archive;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.factdesk.archive.internal.LinkFetchSchedule;
import org.factdesk.archive.internal.Links;
import org.factdesk.archive.internal.SnapshotStore;
import org.factdesk.archive.internal.Snapshots;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.Role;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's API: items' URLs fetched in the background and archived as evidence. Every item that arrives with a URL
 * gets a {@link Link} (its fetch's state, the reason of a failure, the page's metadata) and, once fetched, a
 * {@link Snapshot}: the response's bytes exactly as received, with headers, final URL, capture time and SHA-256.
 * Captures are never changed or deleted; fetching again adds one more snapshot.
 */
@Service
public class ArchiveManagement {

    private final Snapshots snapshots;
    private final SnapshotStore store;
    private final Links links;
    private final LinkFetchSchedule schedule;
    private final IntakeManagement intake;
    private final Clock clock;

    ArchiveManagement(
            Snapshots snapshots,
            SnapshotStore store,
            Links links,
            LinkFetchSchedule schedule,
            IntakeManagement intake,
            Clock clock) {
        this.snapshots = snapshots;
        this.store = store;
        this.links = links;
        this.schedule = schedule;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * Schedules the fetch of the item's URL, if it has one and it is not tracked yet; called when an item arrives.
     *
     * @return whether a fetch was scheduled
     */
    @Transactional
    public boolean track(ItemId item) {
        return track(List.of(item)) == 1;
    }

    /**
     * Schedules the fetches of these items' URLs (those with a URL, not tracked yet) in one batch: one insert and one
     * scheduler batch however many there are, so a bulk import can hand over thousands at a time. The fetches run in
     * the background, a few at a time; nothing is fetched in the caller's thread.
     *
     * @return how many fetches were scheduled
     */
    @Transactional
    public int track(Collection<ItemId> items) {
        List<Links.NewLink> candidates = intake.findAll(items).stream()
                .filter(found -> found.url() != null)
                .map(found -> new Links.NewLink(found.id(), Objects.requireNonNull(found.url())))
                .toList();
        Instant now = clock.instant();
        List<Links.NewLink> inserted = links.insertPending(candidates, now);
        schedule.scheduleNew(inserted.stream().map(Links.NewLink::item).toList(), now);
        return inserted.size();
    }

    /** Where the fetch of the item's URL stands; empty when the item has no URL (or arrived before the archive). */
    @Transactional(readOnly = true)
    public Optional<Link> link(ItemId item) {
        return links.find(item);
    }

    /**
     * Fetches the item's URL again, now: after a failure or a refusal (an allow-list changed), or to capture a page
     * that changed. The attempts are counted afresh; earlier snapshots stay. A checker of the item's unit may do it.
     *
     * @throws NotFound when there is no such item
     * @throws Forbidden when the user is no checker of the item's unit
     * @throws org.factdesk.shared.RuleViolation when the item has no URL, or a fetch of it is running right now
     */
    @Transactional
    public Link refetch(CurrentUser actor, ItemId id) {
        Item item = intake.get(id);
        if (!actor.hasRole(item.unit(), Role.CHECKER)) {
            throw new Forbidden("archive.error.not-checker");
        }
        if (item.url() == null) {
            throw new org.factdesk.shared.RuleViolation("archive.error.no-url");
        }
        Instant now = clock.instant();
        links.insertPending(List.of(new Links.NewLink(id, item.url())), now);
        links.restart(id, now);
        schedule.fetchNow(id, now);
        return links.find(id).orElseThrow();
    }

    /** The item's captures, oldest first; empty when its URL was never fetched (or it has none). */
    @Transactional(readOnly = true)
    public List<Snapshot> snapshotsOf(ItemId item) {
        return snapshots.ofItem(item);
    }

    /** @throws NotFound when there is no such snapshot */
    @Transactional(readOnly = true)
    public Snapshot snapshot(SnapshotId id) {
        return snapshots.find(id).orElseThrow(() -> new SnapshotNotFound(id));
    }

    /**
     * The body of a capture, decompressed: the bytes whose SHA-256 is {@link Snapshot#sha256()}. The caller closes it.
     *
     * @throws NotFound when there is no such snapshot
     */
    public InputStream openContent(SnapshotId id) {
        return store.open(snapshot(id).sha256());
    }

    /** There is no snapshot of this id. */
    public static final class SnapshotNotFound extends NotFound {
        SnapshotNotFound(SnapshotId id) {
            super("archive.error.snapshot-not-found", id);
        }
    }
}
