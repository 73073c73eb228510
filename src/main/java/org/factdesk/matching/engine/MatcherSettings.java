package org.factdesk.matching.engine;

/**
 * How the matcher ranks and bands. The defaults were tuned on the CLEF training splits and vi-claims dev (see
 * docs/matching.md, which records the precision each threshold gave).
 *
 * @param maxTextLength texts longer than this are matched on their first {@code maxTextLength} characters
 * @param candidates how many BM25 hits are re-ranked (before twins are collapsed)
 * @param denseCandidates how many claims nearest to the post's vector join BM25's candidates when dense re-ranking
 *     runs (Lucene's HNSW search; 0 re-ranks BM25's candidates only). They bring the claims a post repeats in other
 *     words; those with a cosine under {@link #DENSE_MIN_COSINE} are left out
 * @param dense whether dense re-ranking runs when an embedder is present and speaks the query's language
 * @param fusion how BM25 and dense scores are combined
 * @param bm25Weight weight of the max-normalised BM25 score in the linear blend (the cosine gets the rest)
 * @param rrfK the constant of reciprocal rank fusion
 * @param folding whether Vietnamese queries use the diacritic-folded fields (off only to measure its effect)
 * @param englishBoost boost of the stemmed English field
 * @param foldedBoost boost of the folded unigram field
 * @param exactBoost boost of the diacritic-preserving field (exact tones score higher)
 * @param bigramBoost boost of the folded syllable bigram field for Vietnamese queries
 * @param englishBigramBoost boost of the bigram field for English queries (word pairs help less there)
 * @param autoThreshold calibrated score from which the top candidate is linked automatically
 * @param suggestThreshold calibrated score from which a candidate is suggested
 * @param minWordsForAuto texts with fewer words are never {@link Band#AUTO}
 * @param coverageWeight weight of the claim coverage added to the max-normalised BM25 score of Vietnamese candidates
 *     when there is no dense score (0 turns the re-scoring off)
 */
public record MatcherSettings(
        int maxTextLength,
        int candidates,
        int denseCandidates,
        boolean dense,
        Fusion fusion,
        double bm25Weight,
        int rrfK,
        boolean folding,
        double englishBoost,
        double foldedBoost,
        double exactBoost,
        double bigramBoost,
        double englishBigramBoost,
        double autoThreshold,
        double suggestThreshold,
        int minWordsForAuto,
        double coverageWeight) {

    /**
     * Claims whose vector has a lower cosine with the post's are not added by the dense search: unrelated English
     * sentences score 0 to 0.2 with all-MiniLM-L6-v2, the claims it brings that BM25 missed 0.5 and more.
     */
    public static final double DENSE_MIN_COSINE = 0.3;

    /** How BM25 and cosine scores are combined. */
    public enum Fusion {
        /** {@code w * bm25/max(bm25) + (1 - w) * cosine}. */
        LINEAR,
        /** Reciprocal rank fusion of the two rankings. */
        RRF
    }

    public MatcherSettings {
        if (maxTextLength < 16) {
            throw new IllegalArgumentException("maxTextLength must be at least 16");
        }
        if (candidates < 1 || candidates > 1000) {
            throw new IllegalArgumentException("candidates must be in 1..1000");
        }
        if (denseCandidates < 0 || denseCandidates > 1000) {
            throw new IllegalArgumentException("denseCandidates must be in 0..1000");
        }
        if (bm25Weight < 0 || bm25Weight > 1) {
            throw new IllegalArgumentException("bm25Weight must be in [0,1]");
        }
        if (suggestThreshold > autoThreshold) {
            throw new IllegalArgumentException("suggestThreshold must not exceed autoThreshold");
        }
    }

    public static MatcherSettings defaults() {
        return new MatcherSettings(
                4000, 100, 20, true, Fusion.LINEAR, 0.25, 60, true, 1.0, 1.0, 0.05, 0.6, 0.15, 0.65, 0.35, 8, 0.3);
    }

    public MatcherSettings withDense(boolean on) {
        return with(b -> b.dense = on);
    }

    public MatcherSettings withFusion(Fusion newFusion, double newBm25Weight) {
        return with(b -> {
            b.fusion = newFusion;
            b.bm25Weight = newBm25Weight;
        });
    }

    public MatcherSettings withFolding(boolean on) {
        return with(b -> b.folding = on);
    }

    public MatcherSettings withBoosts(
            double english, double folded, double exact, double bigram, double englishBigram) {
        return with(b -> {
            b.englishBoost = english;
            b.foldedBoost = folded;
            b.exactBoost = exact;
            b.bigramBoost = bigram;
            b.englishBigramBoost = englishBigram;
        });
    }

    public MatcherSettings withThresholds(double auto, double suggest) {
        return with(b -> {
            b.autoThreshold = auto;
            b.suggestThreshold = suggest;
        });
    }

    public MatcherSettings withCoverageWeight(double weight) {
        return with(b -> b.coverageWeight = weight);
    }

    public MatcherSettings withMaxTextLength(int max) {
        return with(b -> b.maxTextLength = max);
    }

    public MatcherSettings withDenseCandidates(int count) {
        return with(b -> b.denseCandidates = count);
    }

    /** A copy with the values {@code change} sets; the canonical constructor checks them again. */
    private MatcherSettings with(java.util.function.Consumer<Values> change) {
        Values values = new Values(this);
        change.accept(values);
        return values.settings();
    }

    /** The components, settable, for {@link #with}. */
    private static final class Values {
        int maxTextLength;
        int candidates;
        int denseCandidates;
        boolean dense;
        Fusion fusion;
        double bm25Weight;
        int rrfK;
        boolean folding;
        double englishBoost;
        double foldedBoost;
        double exactBoost;
        double bigramBoost;
        double englishBigramBoost;
        double autoThreshold;
        double suggestThreshold;
        int minWordsForAuto;
        double coverageWeight;

        Values(MatcherSettings s) {
            maxTextLength = s.maxTextLength;
            candidates = s.candidates;
            denseCandidates = s.denseCandidates;
            dense = s.dense;
            fusion = s.fusion;
            bm25Weight = s.bm25Weight;
            rrfK = s.rrfK;
            folding = s.folding;
            englishBoost = s.englishBoost;
            foldedBoost = s.foldedBoost;
            exactBoost = s.exactBoost;
            bigramBoost = s.bigramBoost;
            englishBigramBoost = s.englishBigramBoost;
            autoThreshold = s.autoThreshold;
            suggestThreshold = s.suggestThreshold;
            minWordsForAuto = s.minWordsForAuto;
            coverageWeight = s.coverageWeight;
        }

        MatcherSettings settings() {
            return new MatcherSettings(
                    maxTextLength,
                    candidates,
                    denseCandidates,
                    dense,
                    fusion,
                    bm25Weight,
                    rrfK,
                    folding,
                    englishBoost,
                    foldedBoost,
                    exactBoost,
                    bigramBoost,
                    englishBigramBoost,
                    autoThreshold,
                    suggestThreshold,
                    minWordsForAuto,
                    coverageWeight);
        }
    }
}
