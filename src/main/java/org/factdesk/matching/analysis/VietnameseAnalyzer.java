package org.factdesk.matching.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * The main Vietnamese field: diacritics folded, so accented, unaccented and mixed posts meet.
 *
 * <p>Tokenizer: {@link ICUTokenizer}. Vietnamese separates syllables by spaces, so both it and
 * StandardTokenizer cut on UAX #29 word breaks; ICU follows the current Unicode data of ICU4J and
 * keeps a letter with its combining marks when a post arrives in NFD. {@code nfkc_cf} normalises
 * NFD to NFC, full-width and styled letters (𝐇𝐎𝐓) to plain ones, and case-folds, so no separate
 * lowercase step is needed. Expanding teencode before folding lets the table hold accented
 * expansions, which the exact field needs too. No stopwords: BM25's idf already damps the common
 * function words, and "không" is a negation that separates a rumour from its rebuttal headline.
 */
public final class VietnameseAnalyzer extends Analyzer {

    private final boolean preserveOriginal;

    /**
     * @param preserveOriginal also emit the accented form of a folded token at the same position,
     *     so that an accented query matches accented text a little better than folded text
     */
    public VietnameseAnalyzer(boolean preserveOriginal) {
        this.preserveOriginal = preserveOriginal;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PostCleanupCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new ICUTokenizer();
        TokenStream stream = new ICUNormalizer2Filter(tokenizer, nfkcCaseFold());
        stream = new TeencodeFilter(stream);
        stream = new ChatSpellingFilter(stream);
        stream = new SpellingVariantFilter(stream);
        stream = new VietnameseFoldingFilter(stream, preserveOriginal);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new VietnameseFoldingFilter(new ICUNormalizer2Filter(in, nfkcCaseFold()), false);
    }

    static Normalizer2 nfkcCaseFold() {
        return Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);
    }
}
