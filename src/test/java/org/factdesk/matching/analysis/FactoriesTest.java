package org.factdesk.matching.analysis;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

public class FactoriesTest extends BaseTokenStreamTestCase {

    private static Map<String, String> args(String... keyValues) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            args.put(keyValues[i], keyValues[i + 1]);
        }
        return args;
    }

    public void testFactoriesRejectUnknownArguments() {
        for (String name : new String[] {
            VietnameseFoldingFilterFactory.NAME,
            TeencodeFilterFactory.NAME,
            ChatSpellingFilterFactory.NAME,
            SpellingVariantFilterFactory.NAME
        }) {
            IllegalArgumentException e = expectThrows(
                    IllegalArgumentException.class, () -> TokenFilterFactory.forName(name, args("bogus", "1")));
            assertTrue(e.getMessage(), e.getMessage().contains("Unknown parameters"));
        }
        IllegalArgumentException e = expectThrows(
                IllegalArgumentException.class,
                () -> CharFilterFactory.forName(PostCleanupCharFilterFactory.NAME, args("bogus", "1")));
        assertTrue(e.getMessage(), e.getMessage().contains("Unknown parameters"));
    }

    public void testFactoriesAreFoundByName() {
        assertSame(
                VietnameseFoldingFilterFactory.class,
                TokenFilterFactory.lookupClass(VietnameseFoldingFilterFactory.NAME));
        assertSame(TeencodeFilterFactory.class, TokenFilterFactory.lookupClass(TeencodeFilterFactory.NAME));
        assertSame(ChatSpellingFilterFactory.class, TokenFilterFactory.lookupClass(ChatSpellingFilterFactory.NAME));
        assertSame(
                SpellingVariantFilterFactory.class, TokenFilterFactory.lookupClass(SpellingVariantFilterFactory.NAME));
        assertSame(
                PostCleanupCharFilterFactory.class, CharFilterFactory.lookupClass(PostCleanupCharFilterFactory.NAME));
    }

    public void testMissingTableFails() {
        expectThrows(
                IllegalArgumentException.class,
                () -> TokenFilterFactory.forName(TeencodeFilterFactory.NAME, args("table", "/matching/none.txt")));
    }

    public void testCustomAnalyzerBuildsTheVietnamesePipelineByName() throws IOException {
        try (Analyzer a = CustomAnalyzer.builder()
                .addCharFilter(PostCleanupCharFilterFactory.NAME)
                .withTokenizer("icu")
                .addTokenFilter("icuNormalizer2", "name", "nfkc_cf")
                .addTokenFilter(TeencodeFilterFactory.NAME, "table", TeencodeTable.DEFAULT_RESOURCE)
                .addTokenFilter(ChatSpellingFilterFactory.NAME)
                .addTokenFilter(SpellingVariantFilterFactory.NAME)
                .addTokenFilter(VietnameseFoldingFilterFactory.NAME, "preserveOriginal", "true")
                .build()) {
            assertAnalyzesTo(
                    a,
                    "Đà Nẵng ko 😱 #canhbao",
                    new String[] {"đà", "da", "nẵng", "nang", "không", "khong", "canhbao"},
                    new int[] {1, 0, 1, 0, 1, 0, 1});
            checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
        }
    }
}
