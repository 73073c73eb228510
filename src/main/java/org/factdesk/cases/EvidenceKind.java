package org.factdesk.cases;

/** What a piece of evidence is: a link to a source, an uploaded file, or the checker's own note. */
public enum EvidenceKind {
    LINK,
    FILE,
    NOTE
}
