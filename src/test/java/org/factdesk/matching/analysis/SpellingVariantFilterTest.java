package org.factdesk.matching.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

public class SpellingVariantFilterTest extends BaseTokenStreamTestCase {

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, true);
            return new TokenStreamComponents(tokenizer, new SpellingVariantFilter(tokenizer));
        }
    };

    @Override
    public void tearDown() throws Exception {
        analyzer.close();
        super.tearDown();
    }

    public void testWritesBothAcceptedSpellingsTheSameWay() throws IOException {
        String[][] rows = {
            {"kỹ", "kĩ"},
            {"kĩ", "kĩ"},
            {"sỹ", "sĩ"},
            {"lý", "lí"},
            {"tỷ", "tỉ"},
            {"quý", "quí"},
            {"mỹ", "mĩ"},
            {"nghỉ", "ngỉ"},
            {"ngỉ", "ngỉ"},
            {"nghệ", "ngệ"},
            {"ghế", "gế"},
            {"ghe", "ge"}
        };
        for (String[] row : rows) {
            assertAnalyzesTo(analyzer, row[0], new String[] {row[1]});
        }
    }

    public void testLeavesOtherSyllablesAlone() throws IOException {
        assertAnalyzesTo(analyzer, "y tế huy tuy ghi gì ngay hay người y", new String[] {
            "y", "tế", "huy", "tuy", "ghi", "gì", "ngay", "hay", "người", "y"
        });
    }

    public void testRandomStrings() throws IOException {
        checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
        for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
            checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), VietnameseText.random(random()));
        }
    }
}
