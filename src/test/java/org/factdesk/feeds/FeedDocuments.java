package org.factdesk.feeds;

import java.util.List;
import java.util.stream.Collectors;

/** Feed documents for the tests: RSS 2.0, Atom 1.0 and RSS 1.0 built from entries. */
public final class FeedDocuments {

    /** One entry; {@code guid} or {@code link} may be null, {@code html} is the summary as HTML. */
    public record Entry(String guid, String link, String title, String html, String date) {}

    private FeedDocuments() {}

    public static String rss(String title, List<Entry> entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>%s</title><link>https://news.example.vn/</link><description>Tin</description>
                <language>vi</language>
                %s
                </channel></rss>
                """.formatted(title, entries.stream().map(FeedDocuments::item).collect(Collectors.joining("\n")));
    }

    private static String item(Entry entry) {
        return "<item>"
                + (entry.guid() == null ? "" : "<guid isPermaLink=\"false\">" + entry.guid() + "</guid>")
                + (entry.link() == null ? "" : "<link>" + entry.link() + "</link>")
                + "<title>" + escape(entry.title()) + "</title>"
                + "<description>" + escape(entry.html()) + "</description>"
                + (entry.date() == null ? "" : "<pubDate>" + entry.date() + "</pubDate>")
                + "</item>";
    }

    /** Atom 1.0; {@code date} is RFC 3339. */
    public static String atom(String title, List<Entry> entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
                <title>%s</title><id>urn:test:%s</id><updated>2026-01-01T00:00:00Z</updated>
                %s
                </feed>
                """.formatted(
                        title,
                        title.hashCode(),
                        entries.stream().map(FeedDocuments::atomEntry).collect(Collectors.joining("\n")));
    }

    private static String atomEntry(Entry entry) {
        return "<entry><id>" + entry.guid() + "</id>"
                + (entry.link() == null ? "" : "<link rel=\"alternate\" href=\"" + entry.link() + "\"/>")
                + "<title>" + escape(entry.title()) + "</title>"
                + "<updated>" + entry.date() + "</updated>"
                + "<summary type=\"html\">" + escape(entry.html()) + "</summary></entry>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
