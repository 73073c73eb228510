package org.factdesk.matching.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Term clauses of a query that are scored for its candidates only, once the search has found them: each adds to a
 * candidate exactly what its boosted term query would have added to the BM25 sum. For a field whose terms weigh
 * little in the sum but cost much to search (the tone-exact field of a Vietnamese post, boost 0.05, beside the
 * folded field whose terms it repeats), searching without it and adding it afterwards keeps the ranking of the first
 * candidates with fewer clauses for Lucene to sort, skip and score over every document.
 */
final class LateClauses {

    private record Clause(Term term, TermStates states, float boost) {}

    private final List<Clause> clauses = new ArrayList<>();

    void add(Term term, TermStates states, double boost) {
        clauses.add(new Clause(term, states, (float) boost));
    }

    boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** What the clauses add to the BM25 score of each of {@code docs} (top-level document ids, any order). */
    double[] scores(IndexSearcher searcher, TermStatsCache.Lookup lookup, int[] docs) throws IOException {
        double[] scores = new double[docs.length];
        if (clauses.isEmpty() || docs.length == 0) {
            return scores;
        }
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Similarity similarity = searcher.getSimilarity();
        for (Clause clause : clauses) {
            String field = clause.term().field();
            CollectionStatistics collection = searcher.collectionStatistics(field);
            if (collection == null || clause.states().docFreq() == 0) {
                continue;
            }
            Similarity.SimScorer scorer = similarity.scorer(
                    clause.boost(),
                    collection,
                    searcher.termStatistics(
                            clause.term(),
                            clause.states().docFreq(),
                            clause.states().totalTermFreq()));
            int next = 0;
            while (next < order.length) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[order[next]], leaves));
                int end = leaf.docBase + leaf.reader().maxDoc();
                PostingsEnum postings = lookup.postings(clause.term(), clause.states(), leaf);
                NumericDocValues norms = postings == null ? null : leaf.reader().getNormValues(field);
                for (; next < order.length && docs[order[next]] < end; next++) {
                    if (postings == null) {
                        continue;
                    }
                    int doc = docs[order[next]] - leaf.docBase;
                    if (postings.docID() < doc) {
                        postings.advance(doc);
                    }
                    if (postings.docID() == doc) {
                        long norm = norms == null ? 1L : norms.advanceExact(doc) ? norms.longValue() : 0L;
                        scores[order[next]] += scorer.score(postings.freq(), norm);
                    }
                }
            }
        }
        return scores;
    }
}
