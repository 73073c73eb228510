package org.factdesk.matching.engine;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The term dictionary's answers for one index reader, kept while that reader is current: a term's postings
 * pointers and statistics per segment ({@link TermStates}), looked up once per reader instead of once per query.
 *
 * <p>Matching asks the same dictionary the same questions over and over: a Vietnamese post is made of a few thousand
 * distinct syllables, and every query looks up each of its terms in three or four fields, then the document
 * frequency of every term of the claims it re-scores. On a claim index of a few hundred or thousand claims, where
 * scoring itself is cheap, those lookups were four fifths of a match (JFR, bulk import of 20,000 posts). A reader
 * never changes, so its answers never go stale; when the index is refreshed the next query sees a new reader and
 * starts a new cache ({@link PerReader}).
 *
 * <p>Terms some claim has are kept with their states (at most {@link #MAX_TERMS} per reader, a few hundred bytes
 * each): they are bounded by the index's vocabulary. The words of posts that no claim has are not bounded, and with
 * a desk's few thousand claims they are most of a post's terms (and of the syllable splits tried for its unknown
 * words): the first {@link #MAX_ABSENT} of them are remembered as absent (about 80 bytes each), so that a word seen
 * in one post is not looked up again in the next. A word never seen before (most of them, in a bulk import) is first
 * checked against each segment's {@link TermFilter}, so only the segments that may have it are sought. Lookups go
 * through one {@link Lookup} per query that keeps a terms enumeration per field and segment (Lucene's own
 * {@link TermStates#build} makes a new one, and a task, per term and segment).
 *
 * <p>Thread-safe: states are built fully (with statistics) before they are shared, and are only read after that. A
 * {@link Lookup} belongs to one query on one thread.
 */
final class TermStatsCache {

    static final int MAX_TERMS = 500_000;
    static final int MAX_ABSENT = 200_000;

    /**
     * A reader's answers. Terms are kept per field by their text, so that a lookup hashes a string (its hash is kept
     * with it) instead of encoding a {@link Term}. {@code absent} holds the terms no document has; they all share one
     * empty states.
     */
    private record Generation(
            ConcurrentHashMap<String, FieldTerms> fields, AtomicInteger known, AtomicInteger absent, TermStates empty) {

        Generation(IndexReader reader) {
            this(
                    new ConcurrentHashMap<>(),
                    new AtomicInteger(),
                    new AtomicInteger(),
                    new TermStates(reader.getContext()));
        }

        FieldTerms field(String name) {
            FieldTerms field = fields.get(name);
            return field != null ? field : fields.computeIfAbsent(name, n -> new FieldTerms());
        }
    }

    /** One field's cached answers. */
    private record FieldTerms(ConcurrentHashMap<String, TermStates> known, Set<String> absent) {
        FieldTerms() {
            this(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
        }
    }

    private final PerReader<Generation> generations = new PerReader<>(Generation::new);

    /**
     * Each segment's term filters by field ({@link TermFilter}), kept by the segment core's key so that every reader
     * holding the segment shares them; built on first use, dropped when the segment is closed.
     */
    private final ConcurrentHashMap<Object, ConcurrentHashMap<String, TermFilter>> filters = new ConcurrentHashMap<>();

    /** Lookups for one query on {@code searcher}. */
    Lookup lookup(IndexSearcher searcher) {
        return new Lookup(this, searcher.getIndexReader(), generations.get(searcher.getIndexReader()));
    }

    /** The term lookups of one query: cached states first, else the dictionary through reused enumerations. */
    static final class Lookup {

        private final IndexReaderContext top;
        private final List<LeafReaderContext> leaves;
        private final Generation generation;
        private final Map<String, TermsEnum[]> enums = new HashMap<>();
        private final Map<String, TermFilter[]> fieldFilters = new HashMap<>();
        private final TermStatsCache cache;

        private Lookup(TermStatsCache cache, IndexReader reader, Generation generation) {
            this.cache = cache;
            this.top = reader.getContext();
            this.leaves = reader.leaves();
            this.generation = generation;
        }

        /** The states of {@code term}; {@code docFreq() == 0} when no document has it. */
        TermStates states(Term term) throws IOException {
            return states(term.field(), term.text());
        }

        /** The states of the term {@code text} of {@code field}; {@code docFreq() == 0} when no document has it. */
        TermStates states(String field, String text) throws IOException {
            FieldTerms cached = generation.field(field);
            TermStates states = cached.known().get(text);
            if (states != null) {
                return states;
            }
            if (cached.absent().contains(text)) {
                return generation.empty();
            }
            TermFilter[] segmentFilters = filters(field);
            int hash = text.hashCode();
            BytesRef bytes = null;
            states = new TermStates(top);
            for (LeafReaderContext leaf : leaves) {
                if (!segmentFilters[leaf.ord].mayContain(hash)) {
                    continue;
                }
                if (bytes == null) {
                    bytes = new BytesRef(text);
                }
                TermsEnum terms = termsEnum(field, leaf);
                if (terms != null && terms.seekExact(bytes)) {
                    states.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
                }
            }
            if (states.docFreq() == 0) {
                if (generation.absent().get() < MAX_ABSENT && cached.absent().add(text)) {
                    generation.absent().incrementAndGet();
                }
                return generation.empty();
            }
            if (generation.known().get() < MAX_TERMS && cached.known().putIfAbsent(text, states) == null) {
                generation.known().incrementAndGet();
            }
            return states;
        }

        /** How many documents have {@code term}. */
        int docFreq(Term term) throws IOException {
            return states(term).docFreq();
        }

        /** How many documents have the term {@code text} in {@code field}. */
        int docFreq(String field, String text) throws IOException {
            return states(field, text).docFreq();
        }

        /** The postings with frequencies of {@code term} in {@code leaf}; null when the leaf does not have it. */
        @Nullable
        PostingsEnum postings(Term term, TermStates states, LeafReaderContext leaf) throws IOException {
            TermState state = states.get(leaf);
            if (state == null) {
                return null;
            }
            TermsEnum terms = termsEnum(term.field(), leaf);
            if (terms == null) {
                return null;
            }
            terms.seekExact(term.bytes(), state);
            return terms.postings(null, PostingsEnum.FREQS);
        }

        /** The term filters of the field in each segment, by leaf ordinal, looked up once per query and field. */
        private TermFilter[] filters(String field) throws IOException {
            TermFilter[] perLeaf = fieldFilters.get(field);
            if (perLeaf == null) {
                perLeaf = new TermFilter[leaves.size()];
                for (LeafReaderContext leaf : leaves) {
                    perLeaf[leaf.ord] = segmentFilter(leaf, field);
                }
                fieldFilters.put(field, perLeaf);
            }
            return perLeaf;
        }

        private TermFilter segmentFilter(LeafReaderContext leaf, String field) throws IOException {
            IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
            if (helper == null) {
                return TermFilter.ALL;
            }
            ConcurrentHashMap<String, TermFilter> byField = cache.filters.get(helper.getKey());
            if (byField == null) {
                byField = new ConcurrentHashMap<>();
                ConcurrentHashMap<String, TermFilter> raced = cache.filters.putIfAbsent(helper.getKey(), byField);
                if (raced != null) {
                    byField = raced;
                } else {
                    helper.addClosedListener(cache.filters::remove);
                }
            }
            TermFilter filter = byField.get(field);
            if (filter == null) {
                filter = TermFilter.of(leaf.reader().terms(field));
                TermFilter raced = byField.putIfAbsent(field, filter);
                if (raced != null) {
                    filter = raced;
                }
            }
            return filter;
        }

        /** This query's terms enumeration of the field in the leaf, made on first use; null without the field. */
        private @Nullable TermsEnum termsEnum(String field, LeafReaderContext leaf) throws IOException {
            TermsEnum[] perLeaf = enums.computeIfAbsent(field, f -> new TermsEnum[leaves.size()]);
            if (perLeaf[leaf.ord] == null) {
                Terms terms = leaf.reader().terms(field);
                perLeaf[leaf.ord] = terms == null ? null : terms.iterator();
            }
            return perLeaf[leaf.ord];
        }
    }

    /** How many segments have term filters (for tests: a closed segment's are dropped). */
    int filteredSegments() {
        return filters.size();
    }
}
