package org.factdesk.matching.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.QueryBuilder;

/** Highlights computed from the analyzers' offsets land on the original text of a post. */
public class HighlightingTest extends LuceneTestCase {

    private static String highlight(Analyzer analyzer, String field, String text, String queryText) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                Document doc = new Document();
                doc.add(new TextField(field, text, Field.Store.YES));
                writer.addDocument(doc);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query query = new QueryBuilder(analyzer).createBooleanQuery(field, queryText);
                TopDocs hits = searcher.search(query, 1);
                assertEquals(1, hits.totalHits.value);
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                        .withMaxLength(10_000)
                        .build();
                return highlighter.highlight(field, query, hits)[0];
            }
        }
    }

    public void testHighlightsSplitHashtagsAndSpeakerInATweet() throws IOException {
        try (Analyzer analyzer = new EnglishClaimAnalyzer()) {
            String tweet = "Masks don't work #StayHome https://t.co/abc — John Smith (@jsmith) March 3, 2020";
            assertEquals(
                    "Masks don't work #Stay<b>Home</b> https://t.co/abc — <b>John</b> Smith (@jsmith) March 3, 2020",
                    highlight(analyzer, "en", tweet, "home john"));
        }
    }

    public void testHighlightsAccentedTextForAnUnaccentedTeencodeQuery() throws IOException {
        try (Analyzer analyzer = new VietnameseAnalyzer(true)) {
            String post = "⚠️ Không được uống nước đá 😱 #canhbao";
            assertEquals(
                    "⚠️ <b>Không</b> <b>được</b> uống <b>nước</b> đá 😱 #canhbao",
                    highlight(analyzer, "vi", post, "ko dc nuoc"));
        }
    }

    public void testHighlightsTheAbbreviationThatExpandedToTheMatch() throws IOException {
        try (Analyzer analyzer = new VietnameseAnalyzer(false)) {
            String post = "tiêm vx xog là bị cấy chip";
            assertEquals("tiêm <b>vx</b> xog là bị cấy chip", highlight(analyzer, "vi", post, "vắc xin"));
        }
    }
}
