package org.factdesk.matching.analysis;

import java.io.IOException;
import java.text.Normalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

public class VietnameseFoldingFilterTest extends BaseTokenStreamTestCase {

    private static Analyzer folding(boolean preserveOriginal) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
                return new TokenStreamComponents(tokenizer, new VietnameseFoldingFilter(tokenizer, preserveOriginal));
            }
        };
    }

    public void testFoldsEveryVietnameseVowelAndD() throws IOException {
        try (Analyzer a = folding(false)) {
            assertAnalyzesTo(a, "ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ư ừ ữ ơ ờ ở đ Đ ÊÔ ý ỹ", new String[] {
                "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "u", "u", "u", "o", "o", "o", "d", "D", "EO", "y", "y"
            });
            assertAnalyzesTo(a, "Tin đồn ĐÀ NẴNG", new String[] {"Tin", "don", "DA", "NANG"});
        }
    }

    public void testFoldsDecomposedInputLikeComposed() throws IOException {
        try (Analyzer a = folding(false)) {
            String nfd = Normalizer.normalize("vắc xin nước chanh", Normalizer.Form.NFD);
            assertAnalyzesTo(a, nfd, new String[] {"vac", "xin", "nuoc", "chanh"});
        }
    }

    public void testPreservesChangedOriginalAtTheSamePosition() throws IOException {
        try (Analyzer a = folding(true)) {
            assertAnalyzesTo(
                    a,
                    "tin đồn sai",
                    new String[] {"tin", "đồn", "don", "sai"},
                    new int[] {0, 4, 4, 8},
                    new int[] {3, 7, 7, 11},
                    new int[] {1, 1, 0, 1});
        }
    }

    public void testLeavesAsciiAndOtherScriptsAlone() throws IOException {
        try (Analyzer a = folding(true)) {
            assertAnalyzesTo(a, "covid 19 f0 Ωμέγα 中文", new String[] {"covid", "19", "f0", "Ωμέγα", "中文"});
        }
    }

    public void testFoldStringHelper() {
        assertEquals("Duong nuoc da", VietnameseFoldingFilter.fold("Đường nước đá"));
    }

    public void testKeywordTokenOfMarksOnlyIsNotEmptied() throws IOException {
        Analyzer a = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new VietnameseFoldingFilter(tokenizer, false));
            }
        };
        assertAnalyzesTo(a, "\u0301\u0323", new String[] {"\u0301\u0323"});
        a.close();
    }

    public void testRandomStrings() throws IOException {
        for (boolean preserve : new boolean[] {false, true}) {
            try (Analyzer a = folding(preserve)) {
                checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
                checkRandomData(random(), a, 50 * RANDOM_MULTIPLIER, VietnameseText.MAX_LENGTH);
                for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
                    checkAnalysisConsistency(random(), a, random().nextBoolean(), VietnameseText.random(random()));
                }
            }
        }
    }

    public void testEmptyTerm() throws IOException {
        Analyzer a = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new VietnameseFoldingFilter(tokenizer, true));
            }
        };
        checkOneTerm(a, "", "");
        a.close();
    }
}
