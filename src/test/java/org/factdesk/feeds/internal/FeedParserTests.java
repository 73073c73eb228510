package org.factdesk.feeds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.factdesk.feeds.FeedDocuments;
import org.factdesk.feeds.internal.FeedParser.Entry;
import org.factdesk.feeds.internal.FeedParser.ParsedFeed;
import org.factdesk.shared.Language;
import org.junit.jupiter.api.Test;

/** Reading feeds: the three formats, entry identity, text without HTML, and refusals (malformed, XXE, not a feed). */
class FeedParserTests {

    private static final String BASE = "https://news.example.vn/feeds/home.rss";

    private static ParsedFeed parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml; charset=utf-8", BASE);
    }

    @Test
    void readsRss2WithGuidLinkDateAndTextWithoutHtml() {
        ParsedFeed feed = parse(FeedDocuments.rss(
                "Tin y tế",
                List.of(new FeedDocuments.Entry(
                        "tin-1",
                        "/tin/1.html",
                        "Uống nước chanh <b>nóng</b>",
                        "<p>Đoạn một với <a href=\"https://x.vn\">liên kết</a>.</p><p>Đoạn hai<br>dòng mới</p>"
                                + "<script>alert(1)</script><style>p{}</style>",
                        "Tue, 10 Mar 2026 08:30:00 +0700"))));

        assertThat(feed.title()).isEqualTo("Tin y tế");
        assertThat(feed.language()).isEqualTo(Language.VI);
        Entry entry = feed.entries().get(0);
        assertThat(entry.guid()).isEqualTo("tin-1");
        assertThat(entry.link()).isEqualTo("https://news.example.vn/tin/1.html");
        assertThat(entry.title()).isEqualTo("Uống nước chanh nóng");
        assertThat(entry.text()).isEqualTo("Đoạn một với liên kết.\n\nĐoạn hai\ndòng mới");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-03-10T01:30:00Z"));
        assertThat(entry.key()).hasSize(64);
    }

    @Test
    void readsAtomWithItsContentAndIds() {
        ParsedFeed feed = parse(FeedDocuments.atom(
                "Health news",
                List.of(new FeedDocuments.Entry(
                        "urn:uuid:1",
                        "https://who.example.org/a",
                        "Vaccines",
                        "<div>Vaccines &amp; <em>facts</em></div>",
                        "2026-02-01T10:00:00Z"))));

        assertThat(feed.title()).isEqualTo("Health news");
        Entry entry = feed.entries().get(0);
        assertThat(entry.guid()).isEqualTo("urn:uuid:1");
        assertThat(entry.link()).isEqualTo("https://who.example.org/a");
        assertThat(entry.text()).isEqualTo("Vaccines & facts");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    }

    @Test
    void readsRss1() {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel rdf:about="https://example.org/"><title>RDF site</title><link>https://example.org/</link>
                    <description>d</description></channel>
                  <item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link>
                    <description>First item</description></item>
                </rdf:RDF>
                """);

        assertThat(feed.title()).isEqualTo("RDF site");
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.link()).isEqualTo("https://example.org/1");
            assertThat(entry.text()).isEqualTo("First item");
        });
    }

    @Test
    void anEntryWithoutGuidIsKnownByItsLinkElseByItsText() {
        ParsedFeed feed = parse(FeedDocuments.rss(
                "t",
                List.of(
                        new FeedDocuments.Entry(null, "https://a.vn/1", "A", "a", null),
                        new FeedDocuments.Entry(null, null, "B", "b text", null),
                        new FeedDocuments.Entry(null, "javascript:alert(1)", "C", "c", null))));

        assertThat(feed.entries().get(0).guid()).isEqualTo("https://a.vn/1");
        assertThat(feed.entries().get(1).guid()).startsWith("sha256:");
        assertThat(feed.entries().get(1).link()).isNull();
        assertThat(feed.entries().get(2).link()).as("only http(s) links").isNull();
        assertThat(parse(FeedDocuments.rss("t", List.of(new FeedDocuments.Entry(null, null, "B", "b text", null))))
                        .entries()
                        .get(0)
                        .key())
                .as("the same text gives the same key on every poll")
                .isEqualTo(feed.entries().get(1).key());
    }

    @Test
    void malformedXmlIsRefusedWithTheParsersMessageAndLine() {
        String broken = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>Broken</title>
                <item><title>Open</item>
                </channel></rss>
                """;

        assertThatThrownBy(() -> parse(broken)).isInstanceOfSatisfying(FeedUnreadable.class, refused -> {
            assertThat(refused.error().key()).isEqualTo("feeds.error.malformed");
            assertThat(refused.error().arguments().get(0)).isNotBlank();
            assertThat(refused.error().arguments().get(1)).isEqualTo("4");
        });
    }

    @Test
    void xmlThatIsNoFeedIsRefused() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><html><body>hello</body></html>"))
                .isInstanceOfSatisfying(
                        FeedUnreadable.class,
                        refused -> assertThat(refused.error().key()).isEqualTo("feeds.error.not-a-feed"));
        assertThatThrownBy(() -> parse("")).isInstanceOf(FeedUnreadable.class);
    }

    @Test
    void externalEntitiesAreNeverExpanded() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("feeds-xxe", ".txt");
        java.nio.file.Files.writeString(secret, "TOP-SECRET-zqxxe");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [ <!ENTITY secret SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>t</title><link>https://a.vn/</link><description>d</description>
                <item><guid>1</guid><title>leak</title><description>&secret;</description></item>
                </channel></rss>
                """.formatted(secret.toUri());
        try {
            assertThatThrownBy(() -> parse(xxe))
                    .isInstanceOfSatisfying(
                            FeedUnreadable.class,
                            refused -> assertThat(
                                            String.join(" ", refused.error().arguments()))
                                    .doesNotContain("TOP-SECRET"));
        } finally {
            java.nio.file.Files.delete(secret);
        }
    }

    @Test
    void entityExpansionBombsAreRefused() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"> ]>
                <rss version="2.0"><channel><title>&c;</title><link>https://a.vn/</link><description>d</description>
                </channel></rss>
                """;

        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(FeedUnreadable.class);
    }
}
