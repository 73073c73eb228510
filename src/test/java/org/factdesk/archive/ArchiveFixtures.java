package org.factdesk.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factdesk.archive.internal.SnapshotStore;
import org.factdesk.archive.internal.Snapshots;
import org.factdesk.shared.ItemId;
import org.springframework.context.ApplicationContext;

/**
 * Puts a capture of an item's URL into the archive, as the link fetcher would after fetching it: the body in the
 * store, the row in {@code archive_snapshot}. For tests of modules that read snapshots; the archive's own tests fetch
 * for real.
 */
public final class ArchiveFixtures {

    private final Snapshots snapshots;
    private final SnapshotStore store;

    private ArchiveFixtures(Snapshots snapshots, SnapshotStore store) {
        this.snapshots = snapshots;
        this.store = store;
    }

    public static ArchiveFixtures of(ApplicationContext context) {
        return new ArchiveFixtures(context.getBean(Snapshots.class), context.getBean(SnapshotStore.class));
    }

    /** A 200 response of {@code contentType} with {@code body}, captured at {@code capturedAt}. */
    public Snapshot capture(ItemId item, String url, String contentType, byte[] body, Instant capturedAt) {
        String sha256 = sha256(body);
        store.store(sha256, body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of(contentType + "; charset=utf-8"));
        headers.put("content-length", List.of(String.valueOf(body.length)));
        headers.put("server", List.of("test"));
        Snapshot snapshot = new Snapshot(
                SnapshotId.random(), item, url, url, 200, contentType, body.length, sha256, capturedAt, headers);
        snapshots.insert(snapshot);
        return snapshot;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
