package org.factdesk.feeds.internal;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML fragment from a feed (an entry's summary or content): tags, scripts and styles dropped,
 * entities decoded, paragraphs and line breaks kept as line breaks, so an item shows readable text and matching sees
 * only words.
 */
final class HtmlText {

    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private HtmlText() {}

    static String of(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select("script, style, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.append(text.text());
                        } else if (node instanceof Element element && element.nameIs("br")) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && element.isBlock()) {
                            out.append(element.nameIs("li") || element.nameIs("tr") ? "\n" : "\n\n");
                        }
                    }
                },
                document.body());
        String spaced = SPACES.matcher(out).replaceAll(" ");
        StringBuilder lines = new StringBuilder();
        for (String line : spaced.split("\n", -1)) {
            lines.append(line.strip()).append('\n');
        }
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }
}
