package org.factdesk.matching.engine;

import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.jspecify.annotations.Nullable;

/**
 * Answers kept for the current index reader: a reader never changes, so they never go stale, and when the index is
 * refreshed the next query sees a new reader and gets new ones. A searcher of an older reader (still held by a query
 * that started before a refresh) gets answers of its own for the moment rather than replacing the current ones.
 * Thread-safe when {@code T} is.
 */
final class PerReader<T> {

    /** The reader's version is read when its answers are made, while the reader is surely open. */
    private record Current<T>(IndexReader reader, long version, T value) {}

    private final Function<IndexReader, T> make;
    private volatile @Nullable Current<T> current;

    PerReader(Function<IndexReader, T> make) {
        this.make = Objects.requireNonNull(make);
    }

    T get(IndexReader reader) {
        Current<T> known = current;
        if (known != null && known.reader() == reader) {
            return known.value();
        }
        Current<T> fresh = new Current<>(reader, version(reader), make.apply(reader));
        if (known == null || fresh.version() >= known.version()) {
            current = fresh;
        }
        return fresh.value();
    }

    private static long version(IndexReader reader) {
        return reader instanceof DirectoryReader directory ? directory.getVersion() : Long.MAX_VALUE;
    }
}
