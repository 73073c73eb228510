package org.factdesk.intake;

import java.time.Instant;
import java.util.List;
import org.factdesk.shared.ItemId;

/**
 * One rumour as it circulates: the near-duplicate items that carry it and how often it was seen.
 *
 * <p>{@code copies} counts sightings: every submission of one of its items, exact duplicates included (so it is the
 * sum of the items' {@code timesSeen}); {@link #size()} counts distinct items. {@code firstSeen} and {@code lastSeen}
 * are the earliest and latest time one of its copies was seen in the wild, as submitted ({@code seenAt}, the time of
 * submission when not given), not when it reached the desk. {@code perDay} gives the copies per day of
 * {@code seenAt} in the installation's time zone ({@code factdesk.time-zone}), oldest first, days without copies left
 * out; its counts add up to {@code copies}.
 *
 * @param firstItem the item that started the cluster (the first received)
 * @param items the items, earliest seen first
 */
public record Cluster(
        ClusterId id,
        ItemId firstItem,
        Instant firstSeen,
        Instant lastSeen,
        int copies,
        List<Item> items,
        List<DailyCount> perDay) {

    public Cluster {
        items = List.copyOf(items);
        perDay = List.copyOf(perDay);
    }

    /** How many distinct items. */
    public int size() {
        return items.size();
    }

    /** The largest daily count, for scaling bars. */
    public int busiestDay() {
        return perDay.stream().mapToInt(DailyCount::count).max().orElse(0);
    }
}
