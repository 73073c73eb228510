package org.factdesk.imports.internal;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The rows of a file, one at a time, each read once: nothing but the current row is held. */
interface RecordSource extends Closeable {

    /** The next row, or null at the end of the file. */
    @Nullable
    SourceRecord next() throws IOException;
}
