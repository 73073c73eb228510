package org.factdesk.matching.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factdesk.intake.ClusterId;
import org.factdesk.matching.DeskMatch;
import org.springframework.stereotype.Component;

/**
 * The matches found for the near-duplicate clusters matched most recently, so that a later copy of a rumour (a near
 * duplicate that joined its cluster in a later import batch) is given its cluster's matches instead of being matched
 * again. An entry holds only while the claims are as they were when it was computed (the claim index generation), and
 * the least recently used clusters are forgotten beyond {@link #CAPACITY}. Kept per node: a node that has not seen a
 * cluster simply matches it.
 */
@Component
public class ClusterMatches {

    static final int CAPACITY = 20_000;

    private record Entry(long generation, List<DeskMatch> matches) {}

    private final Map<ClusterId, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClusterId, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The matches computed for the cluster at this generation of the claims, if any. */
    public synchronized Optional<List<DeskMatch>> get(ClusterId cluster, long generation) {
        Entry entry = entries.get(cluster);
        return entry != null && entry.generation() == generation ? Optional.of(entry.matches()) : Optional.empty();
    }

    public synchronized void put(ClusterId cluster, long generation, List<DeskMatch> matches) {
        entries.put(cluster, new Entry(generation, List.copyOf(matches)));
    }
}
