package org.factdesk.cases;

/** The fixed scale of verdicts. */
public enum Rating {
    FALSE,
    MISLEADING,
    PARTLY_FALSE,
    MISSING_CONTEXT,
    TRUE,
    UNVERIFIABLE,
    SATIRE
}
