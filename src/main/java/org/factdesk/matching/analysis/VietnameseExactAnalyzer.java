package org.factdesk.matching.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * The exact Vietnamese field: like {@link VietnameseAnalyzer} but diacritics are kept, so bán,
 * bàn and bạn stay apart and an accented query rewards claims with the same accented words.
 */
public final class VietnameseExactAnalyzer extends Analyzer {

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
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUNormalizer2Filter(in, VietnameseAnalyzer.nfkcCaseFold());
    }
}
