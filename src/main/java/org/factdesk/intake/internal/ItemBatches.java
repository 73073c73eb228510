package org.factdesk.intake.internal;

import static org.factdesk.shared.Timestamps.toDb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.factdesk.intake.ClusterId;
import org.factdesk.intake.Item;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Uuids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores a batch of checked submissions the way {@code IntakeManagement.submit} stores one, in the caller's
 * transaction, with a handful of statements for the whole batch instead of a dozen per item.
 *
 * <p>Duplicates are looked up by URL key and text hash in two queries (chunked {@code in} lists), near-duplicate
 * candidates in the {@link BandIndex} with their signatures, the clusters of those similar enough in one more query,
 * of {@code intake_fingerprint} alone (reading the candidates' item rows for their clusters was a third of a
 * 200,000-row import); submissions of the same batch are compared with each other in memory, in order, so an earlier
 * one counts as stored for a later one. Then new clusters, items, cluster counts, sightings and fingerprints are
 * written as JDBC batches, and the new fingerprints' band keys and signatures go to the band index.
 */
@Repository
public class ItemBatches {

    /**
     * Values per {@code in} list. Item ids (UUIDs) are written into the statement as literals,
     * never text from a user: H2 then checks each row found against a hash set of the constants, where with
     * parameters it compares the row with every value of the list in turn (a thousand comparisons a row). URL keys
     * and text hashes stay parameters.
     */
    static final int CHUNK = 1000;

    /**
     * Stored near-duplicate candidates verified per submission of a batch, those sharing the most band keys first. A
     * near duplicate (estimated similarity at least 0.45) shares about 6 of the 32 keys on average, an unrelated text
     * rarely two, so the nearest is among the first few; copies of one large cluster fill the list with that
     * cluster, which is then the answer.
     */
    static final int STORED_CANDIDATES = 32;

    private final JdbcTemplate jdbc;
    private final BandIndex bands;

    ItemBatches(JdbcTemplate jdbc, BandIndex bands) {
        this.jdbc = jdbc;
        this.bands = bands;
    }

    /** A checked submission: the item to store with its keys. */
    public record Entry(
            Item item,
            @Nullable String urlKey,
            @Nullable String textHash,
            Optional<NearDuplicateFingerprint> fingerprint) {}

    /**
     * What the batch became: per entry the item stored or duplicated and whether it was a duplicate; and the new
     * items, in order.
     */
    public record Stored(List<ItemId> items, boolean[] duplicate, List<ItemId> created) {}

    private record Known(ItemId id, ClusterId cluster) {}

    private record Candidate(ItemId id, ClusterId cluster, NearDuplicateFingerprint signature) {}

    /** Counts to add to a cluster; for a new cluster, its whole state. */
    private static final class Delta {
        final boolean created;
        final ItemId firstItem;
        int size;
        int copies;
        Instant firstSeen;
        Instant lastSeen;

        @Nullable
        Instant lastReceived;

        Delta(boolean created, ItemId firstItem, Instant seenAt) {
            this.created = created;
            this.firstItem = firstItem;
            this.firstSeen = seenAt;
            this.lastSeen = seenAt;
        }

        void add(Instant seenAt, boolean newItem, Instant receivedAt) {
            copies++;
            if (newItem) {
                size++;
                lastReceived = receivedAt;
            }
            firstSeen = seenAt.isBefore(firstSeen) ? seenAt : firstSeen;
            lastSeen = seenAt.isAfter(lastSeen) ? seenAt : lastSeen;
        }
    }

    public Stored store(List<Entry> entries, Instant now) {
        Map<String, Known> byUrl = new HashMap<>();
        Map<String, Known> byHash = new HashMap<>();
        lookup("url_key", entries.stream().map(Entry::urlKey).toList(), byUrl);
        lookup("text_hash", entries.stream().map(Entry::textHash).toList(), byHash);
        List<NearDuplicateFingerprint> unknown = unknownPrints(entries, byUrl, byHash);
        List<Map<ItemId, BandIndex.Shared>> shared =
                bands.candidates(unknown, NearDuplicateFingerprint.MIN_SHARED_BANDS, STORED_CANDIDATES);
        Map<NearDuplicateFingerprint, Map<ItemId, BandIndex.Shared>> storedHits = new IdentityHashMap<>();
        Map<ItemId, NearDuplicateFingerprint> near = new HashMap<>();
        for (int i = 0; i < unknown.size(); i++) {
            NearDuplicateFingerprint print = unknown.get(i);
            storedHits.put(print, shared.get(i));
            shared.get(i).forEach((id, found) -> {
                // Only a candidate similar enough can be chosen, and only then is its cluster needed.
                if (print.isNearDuplicateOf(found.signature())) {
                    near.put(id, found.signature());
                }
            });
        }
        Map<ItemId, Candidate> storedCandidates = clusters(near);

        List<ItemId> items = new ArrayList<>(entries.size());
        boolean[] duplicate = new boolean[entries.size()];
        List<ItemId> created = new ArrayList<>();
        List<Object[]> newItems = new ArrayList<>();
        Map<ItemId, Integer> timesSeen = new LinkedHashMap<>();
        Map<ClusterId, Delta> deltas = new LinkedHashMap<>();
        List<Object[]> sightings = new ArrayList<>();
        List<Object[]> fingerprints = new ArrayList<>();
        List<Candidate> printed = new ArrayList<>();
        Map<Long, List<Candidate>> batchBands = new HashMap<>();

        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Item item = entry.item();
            Instant seenAt = item.seenAt();
            Known byKey = entry.urlKey() == null ? null : byUrl.get(entry.urlKey());
            Known known = byKey == null && entry.textHash() != null ? byHash.get(entry.textHash()) : byKey;
            if (known != null) {
                items.add(known.id());
                duplicate[i] = true;
                timesSeen.merge(known.id(), 1, Integer::sum);
                deltas.computeIfAbsent(known.cluster(), id -> new Delta(false, known.id(), seenAt))
                        .add(seenAt, false, now);
                sightings.add(new Object[] {
                    Uuids.timeOrdered(), known.id().value(), known.cluster().value(), toDb(seenAt)
                });
                continue;
            }
            ClusterId cluster = entry.fingerprint()
                    .flatMap(print ->
                            nearest(print, storedHits.getOrDefault(print, Map.of()), storedCandidates, batchBands))
                    .orElse(null);
            Delta delta;
            if (cluster == null) {
                cluster = ClusterId.random();
                delta = new Delta(true, item.id(), seenAt);
                deltas.put(cluster, delta);
            } else {
                ItemId first = item.id();
                delta = deltas.computeIfAbsent(cluster, id -> new Delta(false, first, seenAt));
            }
            delta.add(seenAt, true, now);
            Known stored = new Known(item.id(), cluster);
            if (entry.urlKey() != null) {
                byUrl.put(entry.urlKey(), stored);
            }
            if (entry.textHash() != null) {
                byHash.put(entry.textHash(), stored);
            }
            items.add(item.id());
            created.add(item.id());
            timesSeen.put(item.id(), 0);
            newItems.add(itemRow(entry, cluster));
            sightings.add(new Object[] {Uuids.timeOrdered(), item.id().value(), cluster.value(), toDb(seenAt)});
            if (entry.fingerprint().isPresent()) {
                NearDuplicateFingerprint print = entry.fingerprint().get();
                fingerprints.add(new Object[] {item.id().value(), cluster.value()});
                long[] keys = print.bandKeys();
                Candidate candidate = new Candidate(item.id(), cluster, print);
                printed.add(candidate);
                for (int band = 0; band < keys.length; band++) {
                    batchBands
                            .computeIfAbsent(keys[band], key -> new ArrayList<>())
                            .add(candidate);
                }
            }
        }

        List<Object[]> newClusters = new ArrayList<>();
        List<Object[]> clusterUpdates = new ArrayList<>();
        deltas.forEach((id, delta) -> {
            if (delta.created) {
                newClusters.add(new Object[] {
                    id.value(),
                    delta.firstItem.value(),
                    toDb(delta.firstSeen),
                    toDb(delta.lastSeen),
                    delta.size,
                    delta.copies,
                    toDb(now),
                    toDb(now)
                });
            } else {
                clusterUpdates.add(new Object[] {
                    delta.size,
                    delta.copies,
                    toDb(delta.firstSeen),
                    toDb(delta.lastSeen),
                    delta.lastReceived == null ? null : toDb(delta.lastReceived),
                    id.value()
                });
            }
        });
        // New items carry the copies of the batch that duplicate them; stored ones count them up.
        Set<ItemId> createdSet = new HashSet<>(created);
        for (Object[] row : newItems) {
            row[19] = 1 + timesSeen.get(new ItemId((UUID) row[0]));
        }
        List<Object[]> sightingCounts = new ArrayList<>();
        timesSeen.forEach((id, copies) -> {
            if (!createdSet.contains(id)) {
                sightingCounts.add(new Object[] {copies, id.value()});
            }
        });

        batch("""
                insert into intake_cluster
                    (id, first_item_id, first_seen_at, last_seen_at, size, copies, created_at, last_received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", newClusters);
        batch("""
                insert into intake_item (id, unit_id, url, url_key, title, text, text_hash, platform, language,
                    seen_at, likes, shares, comments, views, note, status, case_id, submitted_by, received_at,
                    times_seen, search_text, cluster_id, tip_channel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", newItems);
        batch("""
                update intake_cluster set
                    size = size + ?,
                    copies = copies + ?,
                    first_seen_at = least(first_seen_at, ?),
                    last_seen_at = greatest(last_seen_at, ?),
                    last_received_at = coalesce(greatest(last_received_at, ?), last_received_at)
                where id = ?""", clusterUpdates);
        batch("update intake_item set times_seen = times_seen + ? where id = ?", sightingCounts);
        batch(
                "insert into intake_sighting (id, item_id, cluster_id, seen_at, copies) values (?, ?, ?, ?, 1)",
                sightings);
        batch("insert into intake_fingerprint (item_id, cluster_id) values (?, ?)", fingerprints);
        printed.forEach(candidate -> bands.add(candidate.id(), candidate.signature()));
        return new Stored(items, duplicate, created);
    }

    private static Object[] itemRow(Entry entry, ClusterId cluster) {
        Item item = entry.item();
        return new Object[] {
            item.id().value(),
            item.unit().value(),
            item.url(),
            entry.urlKey(),
            item.title(),
            item.text(),
            entry.textHash(),
            item.platform().name(),
            item.language().code(),
            toDb(item.seenAt()),
            item.engagement().likes(),
            item.engagement().shares(),
            item.engagement().comments(),
            item.engagement().views(),
            item.note(),
            item.status().name(),
            item.caseId() == null ? null : item.caseId().value(),
            item.submittedBy() == null ? null : item.submittedBy().value(),
            toDb(item.receivedAt()),
            item.timesSeen(),
            Items.searchText(item),
            cluster.value(),
            item.tipChannel()
        };
    }

    /** The nearest near duplicate's cluster among stored items and earlier items of the batch. */
    private static Optional<ClusterId> nearest(
            NearDuplicateFingerprint print,
            Map<ItemId, BandIndex.Shared> storedHits,
            Map<ItemId, Candidate> storedCandidates,
            Map<Long, List<Candidate>> batchBands) {
        Map<ItemId, Integer> hits = new HashMap<>();
        Map<ItemId, Candidate> candidates = new HashMap<>();
        storedHits.forEach((id, found) -> {
            Candidate candidate = storedCandidates.get(id);
            if (candidate != null) {
                hits.put(id, found.bands());
                candidates.put(id, candidate);
            }
        });
        for (long key : print.bandKeys()) {
            for (Candidate candidate : batchBands.getOrDefault(key, List.of())) {
                hits.merge(candidate.id(), 1, Integer::sum);
                candidates.putIfAbsent(candidate.id(), candidate);
            }
        }
        hits.values().removeIf(shared -> shared < NearDuplicateFingerprint.MIN_SHARED_BANDS);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<ItemId> ranked = new ArrayList<>(hits.keySet());
        ranked.sort((a, b) -> hits.get(b) - hits.get(a) != 0
                ? hits.get(b) - hits.get(a)
                : a.value().compareTo(b.value()));
        ClusterId best = null;
        double bestSimilarity = -1;
        for (ItemId id : ranked.subList(0, Math.min(ranked.size(), Clusters.MAX_CANDIDATES))) {
            Candidate candidate = candidates.get(id);
            double similarity = print.similarity(candidate.signature());
            if (similarity >= NearDuplicateFingerprint.THRESHOLD && similarity > bestSimilarity) {
                best = candidate.cluster();
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    private void lookup(String column, List<@Nullable String> keys, Map<String, Known> into) {
        List<String> distinct = keys.stream()
                .filter(key -> key != null)
                .distinct()
                .map(String.class::cast)
                .toList();
        for (List<String> chunk : chunks(distinct)) {
            jdbc.query(
                    "select id, cluster_id, " + column + " as k from intake_item where " + column + " in ("
                            + placeholders(chunk.size()) + ")",
                    rs -> {
                        into.put(
                                rs.getString("k"),
                                new Known(
                                        new ItemId(rs.getObject("id", UUID.class)),
                                        new ClusterId(rs.getObject("cluster_id", UUID.class))));
                    },
                    chunk.toArray());
        }
    }

    /**
     * The fingerprints of the submissions that are not exact duplicates of stored items (by URL or text): the ones
     * whose near duplicates are looked up.
     */
    private static List<NearDuplicateFingerprint> unknownPrints(
            List<Entry> entries, Map<String, Known> byUrl, Map<String, Known> byHash) {
        List<NearDuplicateFingerprint> prints = new ArrayList<>();
        for (Entry entry : entries) {
            boolean known = (entry.urlKey() != null && byUrl.containsKey(entry.urlKey()))
                    || (entry.textHash() != null && byHash.containsKey(entry.textHash()));
            if (!known) {
                entry.fingerprint().ifPresent(prints::add);
            }
        }
        return prints;
    }

    /**
     * The stored near duplicates with their clusters, read from the database (a cluster can change; an item whose
     * fingerprint the database does not hold, a document left by a rolled-back transaction, is left out, and so is
     * one whose cluster it does not hold: H2 can keep part of a commit when killed while writing, see ImportRunner).
     */
    private Map<ItemId, Candidate> clusters(Map<ItemId, NearDuplicateFingerprint> near) {
        List<ItemId> ids = List.copyOf(near.keySet());
        Map<ItemId, Candidate> candidates = new HashMap<>();
        for (List<ItemId> chunk : chunks(ids)) {
            jdbc.query(
                    "select f.item_id, f.cluster_id from intake_fingerprint f"
                            + " join intake_cluster c on c.id = f.cluster_id where f.item_id in ("
                            + chunk.stream().map(id -> "'" + id.value() + "'").collect(Collectors.joining(", "))
                            + ")",
                    rs -> {
                        ItemId id = new ItemId(rs.getObject("item_id", UUID.class));
                        candidates.put(
                                id,
                                new Candidate(id, new ClusterId(rs.getObject("cluster_id", UUID.class)), near.get(id)));
                    });
        }
        return candidates;
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            chunks.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
