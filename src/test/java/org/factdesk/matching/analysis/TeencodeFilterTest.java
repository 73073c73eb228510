package org.factdesk.matching.analysis;

import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;

public class TeencodeFilterTest extends BaseTokenStreamTestCase {

    private static Analyzer teencode(SynonymMap table) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, true);
                return new TokenStreamComponents(tokenizer, new TeencodeFilter(tokenizer, table));
            }
        };
    }

    private static Analyzer teencode() {
        return teencode(TeencodeTable.vietnamese());
    }

    public void testExpandsSingleWordAbbreviations() throws IOException {
        try (Analyzer a = teencode()) {
            assertAnalyzesTo(
                    a,
                    "ko dc uong nuoc da",
                    new String[] {"không", "được", "uong", "nuoc", "da"},
                    new int[] {0, 3, 6, 11, 16},
                    new int[] {2, 5, 10, 15, 18},
                    new int[] {1, 1, 1, 1, 1});
        }
    }

    public void testTableRows() throws IOException {
        String[][] rows = {
            {"hok", "không"},
            {"hông", "không"},
            {"khg", "không"},
            {"kh", "không"},
            {"hem", "không"},
            {"k", "không"},
            {"đc", "được"},
            {"dk", "được"},
            {"đk", "được"},
            {"vs", "với"},
            {"j", "gì"},
            {"ji", "gì"},
            {"ng", "người"},
            {"mng", "mọi người"},
            {"bít", "biết"},
            {"bik", "biết"},
            {"ns", "nói"},
            {"trc", "trước"},
            {"r", "rồi"},
            {"rùi", "rồi"},
            {"z", "vậy"},
            {"v", "vậy"},
            {"zậy", "vậy"},
            {"cx", "cũng"},
            {"cg", "cũng"},
            {"lm", "làm"},
            {"mk", "mình"},
            {"mik", "mình"},
            {"bn", "bạn"},
            {"e", "em"},
            {"vk", "vợ"},
            {"ck", "chồng"},
            {"cty", "công ty"},
            {"bv", "bệnh viện"},
            {"bs", "bác sĩ"},
            {"byt", "bộ y tế"},
            {"vx", "vắc xin"},
            {"vacxin", "vắc xin"},
            {"vaccine", "vắc xin"},
            {"vắcxin", "vắc xin"},
            {"covi", "covid"},
            {"covy", "covid"},
            {"f0", "f0"},
            {"f1", "f1"},
            {"sđt", "số điện thoại"},
            {"tp", "thành phố"},
            {"uống", "uống"}
        };
        try (Analyzer a = teencode()) {
            for (String[] row : rows) {
                assertAnalyzesTo(a, row[0], row[1].split(" "));
            }
        }
    }

    public void testMultiWordExpansionTakesConsecutivePositionsAndTheAbbreviationOffsets() throws IOException {
        try (Analyzer a = teencode()) {
            assertAnalyzesTo(
                    a,
                    "ntn hả bh",
                    new String[] {"như", "thế", "nào", "hả", "bây", "giờ"},
                    new int[] {0, 0, 0, 4, 7, 7},
                    new int[] {3, 3, 3, 6, 9, 9},
                    new int[] {1, 1, 1, 1, 1, 1});
        }
    }

    public void testMultiWordAbbreviations() throws IOException {
        try (Analyzer a = teencode()) {
            assertAnalyzesTo(a, "bị cô vy rồi", new String[] {"bị", "covid", "rồi"}, new int[] {1, 1, 1});
            assertAnalyzesTo(a, "mọi ng ơi", new String[] {"mọi", "người", "ơi"});
            assertAnalyzesTo(a, "cô vít", new String[] {"covid"}, new int[] {0}, new int[] {6});
            assertAnalyzesTo(a, "vác xin", new String[] {"vắc", "xin"});
            assertAnalyzesTo(a, "cô giáo", new String[] {"cô", "giáo"});
        }
    }

    public void testKMeansCancerOnlyWhereNotCannotBeMeant() throws IOException {
        try (Analyzer a = teencode()) {
            assertAnalyzesTo(a, "bị bệnh k", new String[] {"bị", "bệnh", "ung", "thư"});
            assertAnalyzesTo(a, "k phổi", new String[] {"ung", "thư", "phổi"});
            assertAnalyzesTo(a, "ăn tỏi gây k", new String[] {"ăn", "tỏi", "gây", "ung", "thư"});
            assertAnalyzesTo(a, "k biết", new String[] {"không", "biết"});
        }
    }

    public void testRegionalWordsAndUnaccentedSlangMeetTheirStandardForm() throws IOException {
        try (Analyzer a = teencode()) {
            assertAnalyzesTo(a, "thịt heo", new String[] {"thịt", "lợn"});
            assertAnalyzesTo(a, "ao vang tuyt coi", new String[] {"cảnh", "sát", "giao", "thông", "tuyt", "coi"});
            assertAnalyzesTo(a, "dau bao tu", new String[] {"dau", "dạ", "dày"});
            assertAnalyzesTo(a, "chich ngua", new String[] {"tiêm", "phòng"});
            assertAnalyzesTo(a, "bị phỏng", new String[] {"bị", "bỏng"});
            assertAnalyzesTo(a, "phỏng vấn", new String[] {"phỏng", "vấn"});
            assertAnalyzesTo(a, "bắp cải", new String[] {"bắp", "cải"});
            assertAnalyzesTo(a, "đi theo", new String[] {"đi", "theo"});
            assertAnalyzesTo(a, "dân sài gòn", new String[] {"dân", "tp.hcm"});
            assertAnalyzesTo(a, "giá nhân đôi", new String[] {"giá", "gấp", "đôi"});
        }
    }

    public void testMatchesIgnoringCase() throws IOException {
        Analyzer a = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new MockTokenizer(MockTokenizer.WHITESPACE, false);
                return new TokenStreamComponents(tokenizer, new TeencodeFilter(tokenizer));
            }
        };
        assertAnalyzesTo(a, "KO ĐC", new String[] {"không", "được"});
        a.close();
    }

    public void testLeavesOrdinaryWordsAlone() throws IOException {
        try (Analyzer a = teencode()) {
            assertAnalyzesTo(a, "uống nước chanh nóng có thể chữa ung thư", new String[] {
                "uống", "nước", "chanh", "nóng", "có", "thể", "chữa", "ung", "thư"
            });
        }
    }

    public void testCustomTable() throws IOException {
        SynonymMap table = TeencodeTable.parse(new StringReader("# comment\n\nsn, s.nhật => sinh nhật # trailing\n"));
        try (Analyzer a = teencode(table)) {
            assertAnalyzesTo(a, "chúc mừng sn", new String[] {"chúc", "mừng", "sinh", "nhật"});
        }
    }

    public void testRejectsMalformedTableLines() {
        IllegalArgumentException e = expectThrows(
                IllegalArgumentException.class, () -> TeencodeTable.parse(new StringReader("ok => fine\nno arrow\n")));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Line 2"));
        expectThrows(IllegalArgumentException.class, () -> TeencodeTable.parse(new StringReader(" => empty\n")));
        expectThrows(IllegalArgumentException.class, () -> TeencodeTable.parse(new StringReader("a => b => c\n")));
    }

    public void testRandomStrings() throws IOException {
        try (Analyzer a = teencode()) {
            checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
            for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
                checkAnalysisConsistency(random(), a, random().nextBoolean(), VietnameseText.random(random()));
            }
        }
    }
}
