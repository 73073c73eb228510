package org.factdesk.matching.engine;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A clause of the matcher's disjunction that tells Lucene's MaxScore about score bounds over windows of at least
 * {@code minWindow} documents instead of its postings' 128-document blocks. Scores and hits are exactly those of the
 * wrapped query; only the work of finding them changes.
 *
 * <p>Why: Lucene 9's {@code MaxScoreBulkScorer} ends each outer window at the nearest block boundary of any
 * essential clause, and per window it recomputes every clause's maximum score and sorts all clauses. A post's query
 * has 40 to 150 term clauses, many of them frequent syllables with a boundary every few hundred documents, so on a
 * 100,000-claim index the windows were a few dozen documents wide and that bookkeeping was a third of the search
 * (JFR: {@code partitionScorers}, {@code updateMaxWindowScores}). Lucene 10 fixed this by making windows at least 32
 * documents per essential clause; this wrapper does the same from outside for Lucene 9.12 (which Java 17 keeps us
 * on) by answering {@link Scorer#advanceShallow} with a boundary at least {@code minWindow - 1} documents ahead. The
 * maximum scores asked for over such a window come from the wrapped scorer's impacts at a coarser level (or its
 * global maximum), so they stay true upper bounds: MaxScore skips a little less within a window, in exchange for far
 * fewer windows.
 */
final class WideWindowQuery extends Query {

    private final Query in;
    private final int minWindow;

    WideWindowQuery(Query in, int minWindow) {
        this.in = Objects.requireNonNull(in);
        if (minWindow < 1) {
            throw new IllegalArgumentException("minWindow must be at least 1");
        }
        this.minWindow = minWindow;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight weight = in.createWeight(searcher, scoreMode, boost);
        return new FilterWeight(this, weight) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = scorerSupplier(context);
                return supplier == null ? null : supplier.get(Long.MAX_VALUE);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = in.scorerSupplier(context);
                if (supplier == null) {
                    return null;
                }
                Weight self = this;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new Wide(supplier.get(leadCost), self, minWindow);
                    }

                    @Override
                    public long cost() {
                        return supplier.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        supplier.setTopLevelScoringClause();
                    }
                };
            }
        };
    }

    /** The wrapped scorer with block boundaries at least {@code minWindow} documents apart. */
    private static final class Wide extends FilterScorer {

        private final int minWindow;

        Wide(Scorer in, Weight weight, int minWindow) {
            super(in, weight);
            this.minWindow = minWindow;
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            int upTo = in.advanceShallow(target);
            long wide = (long) target + minWindow - 1;
            return (int) Math.min(DocIdSetIterator.NO_MORE_DOCS, Math.max(upTo, wide));
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            in.setMinCompetitiveScore(minScore);
        }
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new WideWindowQuery(rewritten, minWindow);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "wide(" + in.toString(field) + ", " + minWindow + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && in.equals(((WideWindowQuery) other).in)
                && minWindow == ((WideWindowQuery) other).minWindow;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), in, minWindow);
    }
}
