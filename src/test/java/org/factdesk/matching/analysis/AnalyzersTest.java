package org.factdesk.matching.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.util.BytesRef;

public class AnalyzersTest extends BaseTokenStreamTestCase {

    private static final String TWEET =
            "Masks don't work #COVID19 #StayHome https://t.co/abc — John Smith (@jsmith) March 3, 2020";

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    public void testVietnameseAnalyzerFoldsAndKeepsAccentedOriginals() throws IOException {
        try (Analyzer a = new VietnameseAnalyzer(true)) {
            assertAnalyzesTo(
                    a,
                    "Tin đồn ĐÀ NẴNG",
                    new String[] {"tin", "đồn", "don", "đà", "da", "nẵng", "nang"},
                    new int[] {0, 4, 4, 8, 8, 11, 11},
                    new int[] {3, 7, 7, 10, 10, 15, 15},
                    new int[] {1, 1, 0, 1, 0, 1, 0});
        }
    }

    public void testVietnameseAnalyzerExpandsTeencodeThenFolds() throws IOException {
        try (Analyzer a = new VietnameseAnalyzer(true)) {
            assertAnalyzesTo(
                    a,
                    "ko dc uong nuoc da",
                    new String[] {"không", "khong", "được", "duoc", "uong", "nuoc", "da"},
                    new int[] {0, 0, 3, 3, 6, 11, 16},
                    new int[] {2, 2, 5, 5, 10, 15, 18},
                    new int[] {1, 0, 1, 0, 1, 1, 1});
        }
        try (Analyzer a = new VietnameseAnalyzer(false)) {
            assertAnalyzesTo(a, "mn ơi uốg nc chanh nóg là diệt đc con covy", new String[] {
                "moi", "nguoi", "oi", "uong", "nuoc", "chanh", "nong", "la", "diet", "duoc", "con", "covid"
            });
        }
    }

    public void testAccentedUnaccentedAndJoinedVaccineMeet() throws IOException {
        try (Analyzer folded = new VietnameseAnalyzer(false);
                Analyzer bigrams = new VietnameseBigramAnalyzer();
                Analyzer exact = new VietnameseExactAnalyzer()) {
            for (String text : new String[] {"vắc xin", "vac xin", "vacxin", "VẮC XIN", "vx", "vaccine"}) {
                assertAnalyzesTo(folded, text, new String[] {"vac", "xin"});
                assertAnalyzesTo(bigrams, text, new String[] {"vac xin"});
            }
            assertAnalyzesTo(exact, "vacxin", new String[] {"vắc", "xin"});
            assertAnalyzesTo(exact, "vac xin", new String[] {"vac", "xin"});
        }
    }

    public void testExactAnalyzerKeepsTonesApart() throws IOException {
        try (Analyzer a = new VietnameseExactAnalyzer()) {
            assertAnalyzesTo(
                    a,
                    "Bán BÀN cho bạn, ko đc",
                    new String[] {"bán", "bàn", "cho", "bạn", "không", "được"},
                    new int[] {0, 4, 8, 12, 17, 20},
                    new int[] {3, 7, 11, 15, 19, 22});
        }
    }

    public void testBigramAnalyzerEmitsFoldedSyllablePairsOnly() throws IOException {
        try (Analyzer a = new VietnameseBigramAnalyzer()) {
            assertAnalyzesTo(
                    a,
                    "Uống nước chanh",
                    new String[] {"uong nuoc", "nuoc chanh"},
                    new int[] {0, 5},
                    new int[] {9, 15},
                    new int[] {1, 1});
            assertAnalyzesTo(a, "nước", new String[0]);
        }
    }

    public void testVietnameseAnalyzerCleansPosts() throws IOException {
        try (Analyzer a = new VietnameseAnalyzer(false)) {
            assertEquals(
                    List.of("khan", "nuoc", "may", "tp.hcm", "bi", "nhiem", "doc", "nuocmay", "tp.hcm"),
                    terms(a, "🚫🚰 KHẨN: nuoc may TP.HCM bị nhiễm độc 😱 https://t.co/x @ai #nuocmay #HCM"));
        }
    }

    public void testEnglishAnalyzerOnATweet() throws IOException {
        try (Analyzer a = new EnglishClaimAnalyzer()) {
            assertAnalyzesTo(
                    a,
                    TWEET,
                    new String[] {"mask", "don't", "work", "covid19", "stay", "home", "john", "smith"},
                    new int[] {0, 6, 12, 18, 27, 31, 55, 60},
                    new int[] {5, 11, 16, 25, 31, 35, 59, 65});
            assertAnalyzesTo(a, "The President's #AustralianFires", new String[] {"president", "australia", "fire"});
        }
    }

    public void testNormalizeMatchesIndexedForms() {
        try (Analyzer folded = new VietnameseAnalyzer(true);
                Analyzer exact = new VietnameseExactAnalyzer();
                Analyzer english = new EnglishClaimAnalyzer()) {
            assertEquals(new BytesRef("vac xin"), folded.normalize("f", "VẮC XIN"));
            assertEquals(new BytesRef("vắc xin"), exact.normalize("f", "VẮC XIN"));
            assertEquals(new BytesRef("masks"), english.normalize("f", "MASKS"));
        }
    }

    public void testMatchingAnalyzersRoutesFields() throws IOException {
        try (PerFieldAnalyzerWrapper analyzers = MatchingAnalyzers.create()) {
            String text = "Đà Nẵng";
            assertEquals(List.of("đà", "da", "nẵng", "nang"), terms(analyzers, MatchingAnalyzers.FIELD_VI, text));
            assertEquals(List.of("đà", "nẵng"), terms(analyzers, MatchingAnalyzers.FIELD_VI_EXACT, text));
            assertEquals(List.of("da nang"), terms(analyzers, MatchingAnalyzers.FIELD_VI_BIGRAMS, text));
            assertEquals(List.of("mask", "work"), terms(analyzers, MatchingAnalyzers.FIELD_EN, "Masks work"));
            assertEquals(List.of("da", "nang"), terms(analyzers, "other", text));
        }
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    public void testRandomStrings() throws IOException {
        Analyzer[] analyzers = {
            new VietnameseAnalyzer(true),
            new VietnameseAnalyzer(false),
            new VietnameseExactAnalyzer(),
            new VietnameseBigramAnalyzer(),
            new EnglishClaimAnalyzer(),
            MatchingAnalyzers.create()
        };
        for (Analyzer a : analyzers) {
            checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
            checkRandomData(random(), a, 20 * RANDOM_MULTIPLIER, 1024);
            for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
                checkAnalysisConsistency(random(), a, random().nextBoolean(), VietnameseText.random(random()));
            }
            a.close();
        }
    }
}
