package org.factdesk.matching;

/**
 * What the desk made of a match between an item and a checked claim: linked automatically (AUTO band), waiting for a
 * checker (SUGGEST band), confirmed or rejected by a checker. Decisions are kept: they are future training and
 * evaluation data.
 */
public enum MatchDecision {
    AUTO_LINKED,
    PENDING,
    CONFIRMED,
    REJECTED;

    public boolean linked() {
        return this == AUTO_LINKED || this == CONFIRMED;
    }
}
