package org.factdesk.intake;

/**
 * The cluster an item belongs to, in short, for lists: its id, how many distinct items it holds, how many copies
 * (sightings) they add up to.
 */
public record ClusterSummary(ClusterId id, int size, int copies) {

    /** Whether the item has near duplicates, i.e. is not alone in its cluster. */
    public boolean shared() {
        return size > 1;
    }
}
