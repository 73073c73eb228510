package org.factdesk.matching.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.factdesk.matching.analysis.VietnameseAnalyzer;
import org.factdesk.matching.analysis.VietnameseBigramAnalyzer;
import org.factdesk.matching.analysis.VietnameseExactAnalyzer;
import org.factdesk.matching.analysis.VietnameseFoldingFilter;
import org.jspecify.annotations.Nullable;

/**
 * The one seam through which the engine gets its text analysis: the per-field analyzer for the index fields named
 * here. {@link #stock()} builds it from stock Lucene parts; the analysis package's {@code MatchingAnalyzers} can be
 * passed to {@link #of(Analyzer)} instead, as long as it analyses the same field names.
 *
 * <ul>
 *   <li>{@link #ENGLISH}: tweet cleanup then Lucene's {@link EnglishAnalyzer} (stop words, Porter stemming)
 *   <li>{@link #FOLDED}: ICU words, NFKC, case and diacritic folding ("Đà Nẵng" → "da nang"), teencode expansion
 *   <li>{@link #EXACT}: ICU words, NFKC and lower case, tones kept ("bán" ≠ "bàn")
 *   <li>{@link #BIGRAM}: consecutive pairs of folded words ("da nang"), unigrams off
 * </ul>
 */
public final class AnalyzerSet {

    public static final String ENGLISH = "en";
    public static final String FOLDED = "folded";
    public static final String EXACT = "exact";
    public static final String BIGRAM = "bigram";

    private final Analyzer perField;
    private final boolean bigramsOfFolded;
    private final @Nullable UnaryOperator<String> foldingOfExact;

    private AnalyzerSet(Analyzer perField, boolean bigramsOfFolded, @Nullable UnaryOperator<String> foldingOfExact) {
        this.perField = perField;
        this.bigramsOfFolded = bigramsOfFolded;
        this.foldingOfExact = foldingOfExact;
    }

    public static AnalyzerSet of(Analyzer perField) {
        return new AnalyzerSet(perField, false, null);
    }

    /**
     * The desk's analysis: the {@code matching.analysis} Vietnamese pipelines (teencode and chat spelling, folding
     * with the original kept, syllable bigrams) and, for English, the tweet cleanup with CamelCase handles kept and
     * Porter stemming, which measured better on CLEF-2022 dev (BM25 MAP@5 0.910) than the analysis package's
     * KStem chain (0.889).
     */
    public static AnalyzerSet defaults() {
        return new AnalyzerSet(
                new PerFieldAnalyzerWrapper(
                        new VietnameseAnalyzer(false),
                        Map.of(
                                ENGLISH, english(),
                                FOLDED, new VietnameseAnalyzer(false),
                                EXACT, new VietnameseExactAnalyzer(),
                                BIGRAM, new VietnameseBigramAnalyzer())),
                true,
                VietnameseFoldingFilter::fold);
    }

    /** Stock Lucene parts only: the baseline the desk's analysis is measured against. */
    public static AnalyzerSet stock() {
        Analyzer english = english();
        Analyzer folded = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new ICUTokenizer();
                TokenStream stream = new ICUFoldingFilter(new ICUNormalizer2Filter(source));
                return new TokenStreamComponents(source, new StemmerOverrideFilter(stream, Teencode.MAP));
            }
        };
        Analyzer exact = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new ICUTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(new ICUNormalizer2Filter(source)));
            }
        };
        Analyzer bigram = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new ICUTokenizer();
                TokenStream stream =
                        new StemmerOverrideFilter(new ICUFoldingFilter(new ICUNormalizer2Filter(source)), Teencode.MAP);
                ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
                shingles.setOutputUnigrams(false);
                return new TokenStreamComponents(source, shingles);
            }
        };
        return new AnalyzerSet(
                new PerFieldAnalyzerWrapper(
                        folded, Map.of(ENGLISH, english, FOLDED, folded, EXACT, exact, BIGRAM, bigram)),
                false,
                null);
    }

    private static Analyzer english() {
        return new Analyzer() {
            private final EnglishAnalyzer delegate = new EnglishAnalyzer();

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                // Lucene's EnglishAnalyzer chain, recreated so that the tweet cleanup can run in initReader.
                return delegateComponents(delegate, fieldName);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new StringReader(TweetCleanup.clean(readAll(reader)));
            }
        };
    }

    /**
     * Whether the {@link #BIGRAM} analysis is the {@link #FOLDED} analysis followed by a two-word {@code
     * ShingleFilter} without unigrams (true of {@link #defaults()}), so that a query's bigrams can be made from its
     * folded tokens instead of running the whole chain again.
     */
    boolean bigramsOfFolded() {
        return bigramsOfFolded;
    }

    /**
     * When the {@link #FOLDED} analysis is the {@link #EXACT} analysis with each term folded on its own (true of
     * {@link #defaults()}: the same Vietnamese chain, then {@code VietnameseFoldingFilter}), that folding, so that a
     * query needing both runs the chain once; else null.
     */
    @Nullable
    UnaryOperator<String> foldingOfExact() {
        return foldingOfExact;
    }

    /** The per-field analyzer for indexing and querying. */
    public Analyzer analyzer() {
        return perField;
    }

    private static Analyzer.TokenStreamComponents delegateComponents(EnglishAnalyzer delegate, String fieldName) {
        Tokenizer source = new org.apache.lucene.analysis.standard.StandardTokenizer();
        TokenStream stream = new org.apache.lucene.analysis.en.EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new org.apache.lucene.analysis.StopFilter(stream, delegate.getStopwordSet());
        stream = new org.apache.lucene.analysis.en.PorterStemFilter(stream);
        return new Analyzer.TokenStreamComponents(source, stream);
    }

    private static String readAll(Reader reader) {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[1024];
            int n;
            while ((n = reader.read(buffer)) > 0) {
                sb.append(buffer, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few frequent teencode spellings, mapped on folded words. The analysis package has the full list. */
    static final class Teencode {
        static final StemmerOverrideFilter.StemmerOverrideMap MAP = build();

        private Teencode() {}

        private static StemmerOverrideFilter.StemmerOverrideMap build() {
            var builder = new StemmerOverrideFilter.Builder(false);
            String[][] pairs = {
                {"ko", "khong"},
                {"k", "khong"},
                {"hok", "khong"},
                {"hong", "khong"},
                {"kg", "khong"},
                {"kh", "khong"},
                {"dc", "duoc"},
                {"dk", "duoc"},
                {"vs", "voi"},
                {"r", "roi"},
                {"z", "vay"},
                {"ck", "chong"},
                {"vk", "vo"},
                {"bik", "biet"},
                {"bit", "biet"},
                {"nc", "nuoc"},
                {"j", "gi"},
                {"ng", "nguoi"},
                {"mn", "moi"},
                {"mk", "minh"},
                {"fai", "phai"},
                {"bt", "biet"},
                {"ntn", "nhu"},
                {"tr", "troi"},
                {"e", "em"},
                {"a", "anh"},
                {"bs", "bac"},
                {"cx", "cung"},
                {"trc", "truoc"},
                {"ms", "moi"},
                {"covy", "covid"},
                {"zo", "vao"},
                {"fat", "phat"},
                {"fi", "phi"},
                {"sdt", "so"},
                {"tp", "thanh"},
                {"ngta", "nguoi"},
                {"thik", "thich"},
                {"nhiu", "nhieu"},
                {"iu", "yeu"}
            };
            for (String[] pair : pairs) {
                builder.add(pair[0], pair[1]);
            }
            try {
                return builder.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
