package org.factdesk.imports;

/**
 * Where an import job stands. RUNNING also covers a run that was killed: running it again resumes it. FAILED means the
 * file could not be read to its end (it changed, vanished, or its header is unusable); the rows committed are kept.
 */
public enum ImportState {
    RUNNING,
    DONE,
    FAILED
}
