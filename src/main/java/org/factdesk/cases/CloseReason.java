package org.factdesk.cases;

/** Why a case was closed without a published verdict. */
public enum CloseReason {
    /** Already checked in another case or fact-check; the note says which. */
    DUPLICATE,
    NOT_CHECKABLE,
    OUT_OF_SCOPE,
    NO_ACTION;

    /** A duplicate must say what it duplicates. */
    public boolean needsNote() {
        return this == DUPLICATE;
    }
}
