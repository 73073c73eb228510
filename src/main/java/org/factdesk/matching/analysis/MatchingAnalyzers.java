package org.factdesk.matching.analysis;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The analyzed fields of the claim index and the one analyzer that serves them, for indexing and
 * for querying alike. Index a claim's text into every field; query the fields together, with the
 * bigram field boosted.
 *
 * <p>On the vi-claims dev posts, a BM25 {@code BooleanQuery} of one {@code QueryBuilder} query per
 * field with boosts 1 ({@link #FIELD_VI}), 0.3 ({@link #FIELD_VI_EXACT}), 0.6 ({@link
 * #FIELD_VI_BIGRAMS}) and 0.2 ({@link #FIELD_EN}) reached MAP@5 0.891 (0.866 with every diacritic
 * stripped), against 0.857 for the folded field alone; see {@code ViClaimsQualityTest}.
 */
public final class MatchingAnalyzers {

    /** Vietnamese, diacritics folded, accented originals kept at the same position. */
    public static final String FIELD_VI = "vi";

    /** Vietnamese with diacritics, for exact accented matches. */
    public static final String FIELD_VI_EXACT = "vi_exact";

    /** Folded Vietnamese syllable bigrams. */
    public static final String FIELD_VI_BIGRAMS = "vi_bigrams";

    /** English, stemmed, tweet-aware. */
    public static final String FIELD_EN = "en";

    private MatchingAnalyzers() {}

    /**
     * A new analyzer that sends each field above to its own analyzer and any other field to the
     * folded Vietnamese analyzer. Thread-safe; build one and reuse it, and close it with the index.
     */
    public static PerFieldAnalyzerWrapper create() {
        return new PerFieldAnalyzerWrapper(
                new VietnameseAnalyzer(false),
                Map.<String, Analyzer>of(
                        FIELD_VI, new VietnameseAnalyzer(true),
                        FIELD_VI_EXACT, new VietnameseExactAnalyzer(),
                        FIELD_VI_BIGRAMS, new VietnameseBigramAnalyzer(),
                        FIELD_EN, new EnglishClaimAnalyzer()));
    }
}
