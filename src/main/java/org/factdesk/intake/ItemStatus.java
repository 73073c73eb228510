package org.factdesk.intake;

/** Where an item stands: new in the inbox, in a case, checked (the case was published), closed, or dismissed. */
public enum ItemStatus {
    NEW,
    IN_CASE,
    CHECKED,
    CLOSED,
    DISMISSED
}
