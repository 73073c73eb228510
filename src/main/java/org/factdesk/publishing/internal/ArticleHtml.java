package org.factdesk.publishing.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Turns a fact-check's Markdown body into HTML that is safe to put in a public page: CommonMark renders it (raw HTML
 * in the Markdown is escaped, not passed through), then an allow-list sanitizer keeps only text formatting, blocks,
 * lists, tables and http(s)/mailto links (which get {@code rel="nofollow noopener noreferrer"}). Scripts, event
 * handlers, styles, iframes and {@code javascript:} URLs never survive either step.
 */
@Component
public class ArticleHtml {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final PolicyFactory policy = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowUrlProtocols("https", "http", "mailto")
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowElements("pre", "code", "hr", "br")
                    .toFactory());

    /** Safe HTML for {@code markdown}. */
    public String render(String markdown) {
        String html = renderer.render(parser.parse(markdown));
        return sanitize(html);
    }

    /** Applies the allow-list to HTML from anywhere. */
    public String sanitize(String html) {
        return policy.sanitize(html);
    }
}
