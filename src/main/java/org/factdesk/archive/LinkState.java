package org.factdesk.archive;

/** Where the fetch of an item's URL stands. */
public enum LinkState {
    /** Not fetched yet, or failed in a way worth another try; a fetch is scheduled. */
    PENDING,
    /** Fetched and archived; the metadata is that of the latest capture. */
    FETCHED,
    /** Given up: a permanent failure (not found, wrong type, too large) or every attempt failed. */
    FAILED,
    /** Never fetched because the desk refuses the address (a private or local network, another scheme). */
    REFUSED;

    /** A fetch is still to come. */
    public boolean open() {
        return this == PENDING;
    }
}
