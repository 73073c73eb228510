package org.factdesk.cases;

/**
 * Where a case stands: NEW → TRIAGED → IN_VERIFICATION → IN_REVIEW → PUBLISHED, or CLOSED from any state that is not
 * final. {@link CaseAction} says which action each state allows.
 */
public enum CaseState {
    NEW,
    TRIAGED,
    IN_VERIFICATION,
    IN_REVIEW,
    PUBLISHED,
    CLOSED;

    /** Published and closed cases are finished: nothing changes them any more. */
    public boolean isFinal() {
        return this == PUBLISHED || this == CLOSED;
    }
}
