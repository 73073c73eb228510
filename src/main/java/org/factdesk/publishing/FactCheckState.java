package org.factdesk.publishing;

/** Where a fact-check is: a draft only the desk sees, public, or withdrawn (its page stays and says why). */
public enum FactCheckState {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
