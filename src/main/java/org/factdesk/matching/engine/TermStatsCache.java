package org.factdesk.matching.engine;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;

/**
 * The term dictionary's answers for one index reader, kept while that reader is current: a term's postings
 * pointers and statistics per segment ({@link TermStates}), looked up once per reader instead of once per query.
 *
 * <p>Matching asks the same dictionary the same questions over and over: a Vietnamese post is made of a few thousand
 * distinct syllables, and every query looks up each of its terms in three or four fields, then the document
 * frequency of every term of the claims it re-scores. On a claim index of a few hundred or thousand claims, where
 * scoring itself is cheap, those lookups were four fifths of a match (JFR, bulk import of 20,000 posts). A reader
 * never changes, so its answers never go stale; when the index is refreshed the next query sees a new reader and
 * starts a new cache.
 *
 * <p>Only terms some claim has are kept (at most {@link #MAX_TERMS} per reader, a few hundred bytes each): they are
 * bounded by the index's vocabulary, while the words of posts that no claim has are not. Those are looked up each
 * time, through one {@link Lookup} per query that keeps a terms enumeration per field and segment (Lucene's own
 * {@link TermStates#build} makes a new one, and a task, per term and segment).
 *
 * <p>Thread-safe: states are built fully (with statistics) before they are shared, and are only read after that. A
 * {@link Lookup} belongs to one query on one thread.
 */
final class TermStatsCache {

    static final int MAX_TERMS = 500_000;

    /** A reader's cache; the version is read when it is made, while the reader is surely open. */
    private record Generation(IndexReader reader, long version, ConcurrentHashMap<Term, TermStates> states) {}

    private volatile Generation current;

    /** Lookups for one query on {@code searcher}. */
    Lookup lookup(IndexSearcher searcher) {
        return new Lookup(searcher.getIndexReader(), generation(searcher.getIndexReader()));
    }

    private Generation generation(IndexReader reader) {
        Generation generation = current;
        if (generation == null || generation.reader() != reader) {
            // A searcher of an older reader (still held by a query that started before a refresh) gets a cache of
            // its own for the moment rather than replacing the current one.
            Generation fresh = new Generation(reader, version(reader), new ConcurrentHashMap<>());
            if (generation == null || fresh.version() >= generation.version()) {
                current = fresh;
            }
            return fresh;
        }
        return generation;
    }

    private static long version(IndexReader reader) {
        return reader instanceof DirectoryReader directory ? directory.getVersion() : Long.MAX_VALUE;
    }

    /** The term lookups of one query: cached states first, else the dictionary through reused enumerations. */
    static final class Lookup {

        private final IndexReaderContext top;
        private final List<LeafReaderContext> leaves;
        private final Generation generation;
        private final Map<String, TermsEnum[]> enums = new HashMap<>();

        private Lookup(IndexReader reader, Generation generation) {
            this.top = reader.getContext();
            this.leaves = reader.leaves();
            this.generation = generation;
        }

        /** The states of {@code term}; {@code docFreq() == 0} when no document has it. */
        TermStates states(Term term) throws IOException {
            TermStates states = generation.states().get(term);
            if (states != null) {
                return states;
            }
            states = new TermStates(top);
            TermsEnum[] perLeaf = enums.computeIfAbsent(term.field(), field -> new TermsEnum[leaves.size()]);
            for (LeafReaderContext leaf : leaves) {
                TermsEnum terms = perLeaf[leaf.ord];
                if (terms == null) {
                    Terms fieldTerms = leaf.reader().terms(term.field());
                    if (fieldTerms == null) {
                        continue;
                    }
                    terms = fieldTerms.iterator();
                    perLeaf[leaf.ord] = terms;
                }
                if (terms.seekExact(term.bytes())) {
                    states.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
                }
            }
            if (states.docFreq() > 0 && generation.states().size() < MAX_TERMS) {
                generation.states().putIfAbsent(term, states);
            }
            return states;
        }

        /** How many documents have {@code term}. */
        int docFreq(Term term) throws IOException {
            return states(term).docFreq();
        }
    }
}
