package org.factdesk.intake.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.intake.ClusterId;
import org.factdesk.intake.ClusterSummary;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Uuids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Near-duplicate clusters, their sightings and the items' fingerprints. Every method runs in the caller's
 * transaction: a submission writes its cluster row, sighting and fingerprint together or not at all.
 */
@Repository
public class Clusters {

    /**
     * At most this many candidates are verified per submission, those sharing the most bands first: a submission
     * costs O(candidates), never O(items), even when one rumour has thousands of copies.
     */
    static final int MAX_CANDIDATES = 200;

    private final JdbcClient jdbc;
    private final BandIndex bands;

    Clusters(JdbcClient jdbc, BandIndex bands) {
        this.jdbc = jdbc;
        this.bands = bands;
    }

    /** A stored row of a cluster, without its items. */
    public record ClusterRow(
            ClusterId id, ItemId firstItem, Instant firstSeen, Instant lastSeen, int size, int copies) {}

    /** A stored sighting: when, and how many copies it stands for. */
    public record Sighting(Instant seenAt, int copies) {}

    /**
     * The cluster of the stored item most similar to {@code fingerprint}, if one is a near duplicate. Candidates
     * come from the band index; each is verified on its full signature.
     */
    public Optional<ClusterId> findNearest(NearDuplicateFingerprint fingerprint) {
        Map<ItemId, BandIndex.Shared> candidates = bands.candidates(
                        List.of(fingerprint), NearDuplicateFingerprint.MIN_SHARED_BANDS, MAX_CANDIDATES)
                .get(0);
        List<UUID> near = candidates.entrySet().stream()
                .filter(candidate ->
                        fingerprint.isNearDuplicateOf(candidate.getValue().signature()))
                .map(candidate -> candidate.getKey().value())
                .toList();
        if (near.isEmpty()) {
            return Optional.empty();
        }
        // Ties go to the earliest received; a candidate the database does not hold (left by a rolled-back
        // transaction) is left out.
        ClusterId best = null;
        double bestSimilarity = -1;
        List<Map.Entry<ItemId, ClusterId>> stored = jdbc.sql("""
                        select f.item_id, i.cluster_id from intake_fingerprint f
                        join intake_item i on i.id = f.item_id
                        where f.item_id in (:ids)
                        order by i.received_at, f.item_id
                        """)
                .param("ids", near)
                .query((rs, row) -> Map.entry(
                        new ItemId(rs.getObject("item_id", UUID.class)),
                        new ClusterId(rs.getObject("cluster_id", UUID.class))))
                .list();
        for (Map.Entry<ItemId, ClusterId> candidate : stored) {
            double similarity =
                    fingerprint.similarity(candidates.get(candidate.getKey()).signature());
            if (similarity > bestSimilarity) {
                best = candidate.getValue();
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A new cluster of one item, seen once. */
    public void create(ClusterId id, ItemId firstItem, Instant seenAt, Instant now) {
        jdbc.sql("""
                        insert into intake_cluster
                            (id, first_item_id, first_seen_at, last_seen_at, size, copies, created_at, last_received_at)
                        values (:id, :item, :seenAt, :seenAt, 1, 1, :now, :now)
                        """)
                .param("id", id.value())
                .param("item", firstItem.value())
                .param("seenAt", toDb(seenAt))
                .param("now", toDb(now))
                .update();
    }

    /**
     * Counts one more copy into a cluster, of a new item ({@code newItem}, received at {@code receivedAt}) or of one it
     * holds. A single conditional update, so concurrent submissions into one cluster serialise on its row and lose no
     * count.
     */
    public void count(ClusterId id, Instant seenAt, boolean newItem, Instant receivedAt) {
        int updated = jdbc.sql("""
                        update intake_cluster set
                            size = size + :added,
                            copies = copies + 1,
                            first_seen_at = least(first_seen_at, :seenAt),
                            last_seen_at = greatest(last_seen_at, :seenAt),
                            last_received_at = case when :added = 1
                                then greatest(last_received_at, :receivedAt) else last_received_at end
                        where id = :id
                        """)
                .param("added", newItem ? 1 : 0)
                .param("receivedAt", toDb(receivedAt))
                .param("seenAt", toDb(seenAt))
                .param("id", id.value())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No cluster " + id);
        }
    }

    public void recordSighting(ItemId item, ClusterId cluster, Instant seenAt) {
        jdbc.sql("""
                        insert into intake_sighting (id, item_id, cluster_id, seen_at, copies)
                        values (:id, :item, :cluster, :seenAt, 1)
                        """)
                .param("id", Uuids.timeOrdered())
                .param("item", item.value())
                .param("cluster", cluster.value())
                .param("seenAt", toDb(seenAt))
                .update();
    }

    /** Stores an item's fingerprint with the cluster the item is in. */
    public void storeFingerprint(ItemId item, ClusterId cluster, NearDuplicateFingerprint fingerprint) {
        jdbc.sql("""
                        insert into intake_fingerprint (item_id, cluster_id)
                        values (:item, :cluster)
                        """)
                .param("item", item.value())
                .param("cluster", cluster.value())
                .update();
        bands.add(item, fingerprint);
    }

    /** A stored item without a fingerprint, with what a fingerprint is made of. */
    public record Unprinted(
            ItemId id,
            ClusterId cluster,
            Instant receivedAt,
            @Nullable String title,
            @Nullable String text) {}

    /**
     * Items with a title or text but no fingerprint (stored before clusters existed), oldest received first, after
     * the item {@code after} of an earlier batch (null for the first).
     */
    public List<Unprinted> withoutFingerprint(@Nullable Unprinted after, int limit) {
        String keyset = after == null ? "" : " and (i.received_at > :at or (i.received_at = :at and i.id > :id))";
        var statement = jdbc.sql("""
                select i.id, i.cluster_id, i.received_at, i.title, i.text from intake_item i
                where (i.title is not null or i.text is not null)
                  and not exists (select 1 from intake_fingerprint f where f.item_id = i.id)
                """ + keyset + " order by i.received_at, i.id limit :limit")
                .param("limit", limit);
        if (after != null) {
            statement = statement
                    .param("at", toDb(after.receivedAt()))
                    .param("id", after.id().value());
        }
        return statement
                .query((rs, row) -> new Unprinted(
                        new ItemId(rs.getObject("id", UUID.class)),
                        new ClusterId(rs.getObject("cluster_id", UUID.class)),
                        instant(rs, "received_at"),
                        rs.getString("title"),
                        rs.getString("text")))
                .list();
    }

    public boolean hasFingerprint(ItemId item) {
        return jdbc.sql("select count(*) from intake_fingerprint where item_id = :item")
                        .param("item", item.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** How many items a cluster holds, counted on the items (not the cluster's stored size). */
    public long itemsIn(ClusterId cluster) {
        return jdbc.sql("select count(*) from intake_item where cluster_id = :cluster")
                .param("cluster", cluster.value())
                .query(Long.class)
                .single();
    }

    /**
     * Moves an item that is alone in its cluster {@code from} into {@code into}, with its sightings and the copy of
     * its cluster kept with its fingerprint: {@code into} counts one more item and the copies of {@code from}, its
     * first and last seen widen, and it is headed by the item when the item was received earlier than its first one.
     * {@code from} is deleted.
     */
    public void moveAlone(ItemId item, ClusterId from, ClusterId into) {
        ClusterRow source = find(from).orElseThrow(() -> new IllegalStateException("No cluster " + from));
        jdbc.sql("update intake_item set cluster_id = :into where id = :item")
                .param("into", into.value())
                .param("item", item.value())
                .update();
        jdbc.sql("update intake_fingerprint set cluster_id = :into where item_id = :item")
                .param("into", into.value())
                .param("item", item.value())
                .update();
        jdbc.sql("update intake_sighting set cluster_id = :into where cluster_id = :from")
                .param("into", into.value())
                .param("from", from.value())
                .update();
        int updated = jdbc.sql("""
                        update intake_cluster set
                            size = size + 1,
                            copies = copies + :copies,
                            first_seen_at = least(first_seen_at, :firstSeen),
                            last_seen_at = greatest(last_seen_at, :lastSeen),
                            last_received_at = greatest(last_received_at,
                                (select m.received_at from intake_item m where m.id = :item)),
                            first_item_id = case
                                when (select f.received_at from intake_item f where f.id = first_item_id)
                                     > (select m.received_at from intake_item m where m.id = :item)
                                then :item else first_item_id end
                        where id = :into
                        """)
                .param("copies", source.copies())
                .param("firstSeen", toDb(source.firstSeen()))
                .param("lastSeen", toDb(source.lastSeen()))
                .param("item", item.value())
                .param("into", into.value())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No cluster " + into);
        }
        jdbc.sql("delete from intake_cluster where id = :from")
                .param("from", from.value())
                .update();
    }

    public Optional<ClusterRow> find(ClusterId id) {
        return jdbc.sql("""
                        select id, first_item_id, first_seen_at, last_seen_at, size, copies
                        from intake_cluster where id = :id
                        """)
                .param("id", id.value())
                .query((rs, row) -> new ClusterRow(
                        new ClusterId(rs.getObject("id", UUID.class)),
                        new ItemId(rs.getObject("first_item_id", UUID.class)),
                        instant(rs, "first_seen_at"),
                        instant(rs, "last_seen_at"),
                        rs.getInt("size"),
                        rs.getInt("copies")))
                .optional();
    }

    public Optional<ClusterId> clusterOf(ItemId item) {
        return jdbc.sql("select cluster_id from intake_item where id = :id")
                .param("id", item.value())
                .query((rs, row) -> new ClusterId(rs.getObject("cluster_id", UUID.class)))
                .optional();
    }

    /** The clusters of these items, in short. */
    public Map<ItemId, ClusterSummary> summaries(Collection<ItemId> items) {
        Map<ItemId, ClusterSummary> summaries = new HashMap<>();
        if (items.isEmpty()) {
            return summaries;
        }
        jdbc.sql("""
                        select i.id as item_id, c.id, c.size, c.copies from intake_item i
                        join intake_cluster c on c.id = i.cluster_id
                        where i.id in (:ids)
                        """)
                .param("ids", items.stream().map(ItemId::value).distinct().toList())
                .query(rs -> {
                    summaries.put(
                            new ItemId(rs.getObject("item_id", UUID.class)),
                            new ClusterSummary(
                                    new ClusterId(rs.getObject("id", UUID.class)),
                                    rs.getInt("size"),
                                    rs.getInt("copies")));
                });
        return summaries;
    }

    public List<Sighting> sightings(ClusterId id) {
        return jdbc.sql("select seen_at, copies from intake_sighting where cluster_id = :id order by seen_at")
                .param("id", id.value())
                .query((rs, row) -> new Sighting(instant(rs, "seen_at"), rs.getInt("copies")))
                .list();
    }
}
