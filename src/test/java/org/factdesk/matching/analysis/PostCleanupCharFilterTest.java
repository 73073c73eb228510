package org.factdesk.matching.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

public class PostCleanupCharFilterTest extends BaseTokenStreamTestCase {

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PostCleanupCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
            return new TokenStreamComponents(tokenizer, tokenizer);
        }
    };

    @Override
    public void tearDown() throws Exception {
        analyzer.close();
        super.tearDown();
    }

    /** The cleaned text with runs of whitespace collapsed; offsets are checked through the analyzer. */
    private static String cleaned(String text) throws IOException {
        CharFilter filter = new PostCleanupCharFilter(new StringReader(text));
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[7];
        int n;
        while ((n = filter.read(buffer, 0, buffer.length)) != -1) {
            out.append(buffer, 0, n);
        }
        filter.close();
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    public void testTweetKeepsSpeakerNameAndSplitsHashtags() throws IOException {
        String tweet = "Masks don't work #COVID19 #StayHome https://t.co/abc — John Smith (@jsmith) March 3, 2020";
        assertAnalyzesTo(
                analyzer,
                tweet,
                new String[] {"Masks", "don't", "work", "COVID19", "Stay", "Home", "John", "Smith"},
                new int[] {0, 6, 12, 18, 27, 31, 55, 60},
                new int[] {5, 11, 16, 25, 31, 35, 59, 65});
    }

    public void testOffsetsOfSplitHashtagPointIntoTheOriginal() throws IOException {
        String text = "#AustralianFires";
        assertAnalyzesTo(analyzer, text, new String[] {"Australian", "Fires"}, new int[] {1, 11}, new int[] {11, 16});
        assertEquals("Fires", text.substring(11, 16));
    }

    public void testHashtagSplitting() throws IOException {
        assertEquals("covid19 vaccine", cleaned("#covid19vaccine"));
        assertEquals("COVID Vaccine now", cleaned("#COVIDVaccine now"));
        assertEquals("stay home", cleaned("#stay_home"));
        assertEquals("tiêmchủng canhbao", cleaned("#tiêmchủng #canhbao"));
        assertEquals("xe SH", cleaned("#xeSH"));
        assertEquals("Defund The CBC", cleaned("#DefundTheCBChttps://t.co/CsHG8R9cHp"));
        assertEquals("issue#12 C#", cleaned("issue#12 C#"));
    }

    public void testDropsUrlsHandlesAndEmoji() throws IOException {
        assertEquals("Cảnh báo xem nhé", cleaned("⚠️ Cảnh báo 😱 xem www.x.vn @admin nhé 👍🏽"));
        assertEquals("a b", cleaned("a pic.twitter.com/AbC b"));
        assertEquals("mail me at a@b.com", cleaned("mail me at a@b.com"));
        assertEquals("giá 150k, ib ngay", cleaned("giá 150k, 👉 ib ngay"));
    }

    public void testSignatureVariants() throws IOException {
        assertEquals("Bushfires are a hoax Jane Doe", cleaned("Bushfires are a hoax - Jane Doe (@jdoe) Jan 5, 2020"));
        assertEquals("Text Jane", cleaned("Text – Jane (@j_d)"));
        assertEquals("Text Jane", cleaned("Text pic.twitter.com/x1 — Jane (@j) Dec 12, 2019"));
        // a dash and a handle inside a post are not a signature
        assertEquals("a - b ( ) said c", cleaned("a - b (@b) said c"));
    }

    public void testLeavesOrdinaryTextUntouched() throws IOException {
        String text = "Nước máy TP.HCM bị nhiễm độc - tin giả, COVID-19 50% 2,5 triệu";
        assertEquals(text, cleaned(text));
    }

    public void testRandomStrings() throws IOException {
        checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
        for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
            checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), VietnameseText.random(random()));
        }
    }
}
