package org.factdesk.matching.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.sandbox.search.CoveringQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.LongValues;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Whether any claim can reach a coverage score: the share of the claim's own terms that a text contains (the score
 * shown without a cosine, see {@code ClaimMatcher#calibrated}). A claim of {@code n} distinct terms reaches coverage
 * {@code c} only if the text holds at least {@code ceil(c·n)} of them, so a {@link CoveringQuery} over the field's
 * postings, with that minimum read from the claim's term count, finds every claim that can. The field holds the
 * claim's terms and the fact-check title's, so a claim it finds may still fall short; one it does not find never
 * reaches the coverage. Bulk matching asks this first and ranks only the texts that can be suggested at all.
 */
final class CoverageFloor {

    /** A hair under the exact product, so that rounding never asks for one shared term more than the score needs. */
    private static final double ROUNDING = 1e-9;

    private CoverageFloor() {}

    /**
     * @param field the indexed field whose terms include every claim's coverage terms
     * @param termCount the numeric doc value holding each claim's number of distinct coverage terms
     * @param terms the text's coverage terms
     * @param coverage the share in (0, 1] to reach
     */
    static boolean reachable(
            IndexSearcher searcher,
            TermStatsCache.Lookup lookup,
            String field,
            String termCount,
            Collection<String> terms,
            double coverage)
            throws IOException {
        if (coverage <= 0) {
            return true; // every claim scores at least 0
        }
        // The terms no claim has are left out (the lookup remembers them), and the others are found through their
        // remembered postings pointers instead of the term dictionary.
        List<Query> clauses = new ArrayList<>();
        for (String term : new LinkedHashSet<>(terms)) {
            TermStates states = lookup.states(field, term);
            if (states.docFreq() > 0) {
                clauses.add(new TermQuery(new Term(field, term), states));
            }
        }
        if (clauses.isEmpty()) {
            return false;
        }
        // Scores are never read, but asking for them keeps the weight out of the searcher's query cache, whose
        // bookkeeping for queries that never repeat cost more than the search.
        Query query = searcher.rewrite(new CoveringQuery(clauses, new MinimumShared(termCount, coverage)));
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer != null && anyLive(scorer, leaf)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the scorer matches a document not deleted, stopping at the first. */
    private static boolean anyLive(BulkScorer scorer, LeafReaderContext leaf) throws IOException {
        boolean[] found = {false};
        try {
            scorer.score(
                    new LeafCollector() {
                        @Override
                        public void setScorer(Scorable scorable) {}

                        @Override
                        public void collect(int doc) {
                            found[0] = true;
                            throw new CollectionTerminatedException();
                        }
                    },
                    leaf.reader().getLiveDocs(),
                    0,
                    DocIdSetIterator.NO_MORE_DOCS);
        } catch (CollectionTerminatedException stopped) {
            // the first match is enough
        }
        return found[0];
    }

    /** {@code ceil(coverage·n)} for a claim of {@code n} terms; a claim without terms can never be reached. */
    static long minimumShared(long terms, double coverage) {
        if (terms <= 0) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (long) Math.ceil(coverage * terms - ROUNDING));
    }

    private static final class MinimumShared extends LongValuesSource {
        private final String field;
        private final double coverage;

        MinimumShared(String field, double coverage) {
            this.field = field;
            this.coverage = coverage;
        }

        @Override
        public LongValues getValues(LeafReaderContext leaf, DoubleValues scores) throws IOException {
            NumericDocValues counts = DocValues.getNumeric(leaf.reader(), field);
            return new LongValues() {
                private long value;

                @Override
                public long longValue() {
                    return value;
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    value = minimumShared(counts.advanceExact(doc) ? counts.longValue() : 0, coverage);
                    return true;
                }
            };
        }

        @Override
        public boolean needsScores() {
            return false;
        }

        @Override
        public LongValuesSource rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public boolean isCacheable(LeafReaderContext leaf) {
            return DocValues.isCacheable(leaf, field);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MinimumShared that && field.equals(that.field) && coverage == that.coverage;
        }

        @Override
        public int hashCode() {
            return Objects.hash(field, coverage);
        }

        @Override
        public String toString() {
            return "ceil(" + coverage + "·" + field + ")";
        }
    }
}
