package org.factdesk.matching.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

public class ChatSpellingFilterTest extends BaseTokenStreamTestCase {

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, true);
            return new TokenStreamComponents(tokenizer, new ChatSpellingFilter(tokenizer));
        }
    };

    @Override
    public void tearDown() throws Exception {
        analyzer.close();
        super.tearDown();
    }

    public void testRestoresPhoneticSpellings() throws IOException {
        assertAnalyzesTo(
                analyzer,
                "fải uốg nc nóg xog đừg jờ jữ fí fạt",
                new String[] {"phải", "uống", "nc", "nóng", "xong", "đừng", "giờ", "giữ", "phí", "phạt"},
                new int[] {0, 4, 8, 11, 15, 19, 23, 26, 29, 32},
                new int[] {3, 7, 10, 14, 18, 22, 25, 28, 31, 35});
    }

    public void testLeavesStandardVietnameseAndConsonantClustersAlone() throws IOException {
        assertAnalyzesTo(analyzer, "phải uống không giờ người ng j f0 fw đồng", new String[] {
            "phải", "uống", "không", "giờ", "người", "ng", "j", "f0", "fw", "đồng"
        });
    }

    public void testRestoresQuAndCAndCollapsesStretchedLetters() throws IOException {
        assertAnalyzesTo(analyzer, "wá wên kái kon kũng quáaaa điiii nhaaaa kinh kể khi xoong w", new String[] {
            "quá", "quên", "cái", "con", "cũng", "quá", "đi", "nha", "kinh", "kể", "khi", "xoong", "w"
        });
    }

    public void testRandomStrings() throws IOException {
        checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
        for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
            checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), VietnameseText.random(random()));
        }
    }
}
