package org.factdesk.archive;

import java.io.InputStream;
import java.util.List;
import org.factdesk.archive.internal.SnapshotStore;
import org.factdesk.archive.internal.Snapshots;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's API: the captures of an item's URL, and their bytes exactly as received. Captures are never changed or
 * deleted; a later capture of the same URL is one more snapshot.
 */
@Service
public class ArchiveManagement {

    private final Snapshots snapshots;
    private final SnapshotStore store;

    ArchiveManagement(Snapshots snapshots, SnapshotStore store) {
        this.snapshots = snapshots;
        this.store = store;
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
