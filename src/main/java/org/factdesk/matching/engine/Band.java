package org.factdesk.matching.engine;

/**
 * What the desk may do with a candidate: {@code AUTO} link it without a person (top candidate only, high precision),
 * {@code SUGGEST} show it to the checker, {@code NONE} leave it out of the suggestions.
 */
public enum Band {
    AUTO,
    SUGGEST,
    NONE
}
