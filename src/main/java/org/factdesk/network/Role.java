package org.factdesk.network;

/**
 * A user's role in one unit. Roles are ordered: a higher role may do everything a lower one may (an editor also
 * checks, an administrator also edits).
 */
public enum Role {
    VIEWER,
    CHECKER,
    EDITOR,
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
