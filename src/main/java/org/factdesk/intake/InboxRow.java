package org.factdesk.intake;

import java.time.Instant;
import java.util.List;

/**
 * One row of the inbox: one rumour, that is the items of a near-duplicate cluster that match the inbox filters, shown
 * as one; or one item with no near duplicate, shown as itself.
 *
 * @param item the most recently received of the cluster's items that match the filters (the row's status, platform,
 *     unit and time received are its own)
 * @param headline the headline of the cluster's first item, which names the rumour (the item's own for a single one)
 * @param size how many distinct items the whole cluster holds; a row is a {@link #rumour()} when more than one
 * @param copies how many copies (sightings) the whole cluster counts, exact duplicates included
 * @param matching how many of the cluster's items match the filters
 * @param firstSeen the earliest time a copy was seen
 * @param lastSeen the latest time a copy was seen
 * @param recentDays copies per day over the {@link #DAYS} days up to the day of {@code lastSeen}, in the
 *     installation's time zone, oldest first, days without copies included with 0; empty for a single item
 */
public record InboxRow(
        Item item,
        String headline,
        ClusterId cluster,
        int size,
        int copies,
        int matching,
        Instant firstSeen,
        Instant lastSeen,
        List<DailyCount> recentDays) {

    /** How many days the per-day counts of a rumour cover. */
    public static final int DAYS = 14;

    public InboxRow {
        recentDays = List.copyOf(recentDays);
    }

    /** Whether the row stands for several near-duplicate items. */
    public boolean rumour() {
        return size > 1;
    }

    /** The largest daily count of {@code recentDays}, for scaling bars; at least 1. */
    public int busiestDay() {
        return Math.max(1, recentDays.stream().mapToInt(DailyCount::count).max().orElse(0));
    }
}
