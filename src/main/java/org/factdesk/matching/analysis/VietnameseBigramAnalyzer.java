package org.factdesk.matching.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;

/**
 * Folded syllable bigrams ("vac xin", "nuoc chanh"): Vietnamese words are mostly two syllables
 * written apart, so a bigram field stands in for word segmentation and rewards claims that share
 * whole words, not just syllables. Folding comes first so accented and unaccented bigrams meet.
 * A one-syllable text gives no tokens.
 */
public final class VietnameseBigramAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PostCleanupCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new ICUTokenizer();
        TokenStream stream = new ICUNormalizer2Filter(tokenizer, VietnameseAnalyzer.nfkcCaseFold());
        stream = new TeencodeFilter(stream);
        stream = new ChatSpellingFilter(stream);
        stream = new SpellingVariantFilter(stream);
        stream = new VietnameseFoldingFilter(stream, false);
        ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
        shingles.setOutputUnigrams(false);
        return new TokenStreamComponents(tokenizer, shingles);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new VietnameseFoldingFilter(new ICUNormalizer2Filter(in, VietnameseAnalyzer.nfkcCaseFold()), false);
    }
}
