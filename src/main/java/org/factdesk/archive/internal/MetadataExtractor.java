package org.factdesk.archive.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.factdesk.archive.PageMetadata;
import org.factdesk.shared.Platform;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a fetched page says about its content: OpenGraph first (what the page shows when shared, and what
 * Facebook, YouTube and news sites all fill in), then the Twitter card, then schema.org JSON-LD ({@code NewsArticle},
 * {@code Article}, {@code VideoObject}, {@code SocialMediaPosting}, ...), microdata, and plain HTML ({@code title},
 * {@code link rel=canonical}, {@code meta name=description}). The main text is the JSON-LD {@code articleBody}, else
 * the readable text of {@code article}, {@code main} or the page's paragraphs, cut to the excerpt length.
 *
 * <p>Pure: no I/O, no clock, the same bytes give the same metadata. Images and other non-text types give the platform
 * alone. A page that cannot be parsed gives what could be read; it never fails the archiving of the bytes.
 */
public final class MetadataExtractor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CONTENT_TYPES = Set.of(
            "newsarticle",
            "article",
            "reportagenewsarticle",
            "analysisnewsarticle",
            "blogposting",
            "videoobject",
            "socialmediaposting",
            "discussionforumposting",
            "liveblogposting",
            "webpage");
    private static final int MAX_FIELD = 1000;
    private static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_NAME = 300;
    private static final int MAX_URL = 2048;

    private final int excerptLength;

    public MetadataExtractor(int excerptLength) {
        if (excerptLength < 1) {
            throw new IllegalArgumentException("excerpt length must be positive");
        }
        this.excerptLength = excerptLength;
    }

    /**
     * @param contentType the response's media type, lower case, without parameters
     * @param charset the charset the response declared, if any; else the page's own meta declaration, else UTF-8
     * @param finalUrl the URL that answered, after redirects; relative URLs in the page resolve against it
     */
    public PageMetadata extract(byte[] body, String contentType, @Nullable String charset, String finalUrl) {
        if (contentType.equals("text/plain")) {
            String text = new String(body, charset(charset));
            return new PageMetadata(
                    Platform.ofUrl(finalUrl), null, null, null, null, null, excerpt(text.strip()), null);
        }
        if (!isHtml(contentType)) {
            return PageMetadata.only(Platform.ofUrl(finalUrl));
        }
        Document page = parse(body, charset, finalUrl);
        JsonNode ld = jsonLd(page);
        String canonical = first(
                () -> absolute(page, "link[rel~=(?i)^canonical$]", "href"),
                () -> absoluteMeta(page, "og:url"),
                () -> ldUrl(ld));
        String title = first(
                () -> meta(page, "og:title"),
                () -> meta(page, "twitter:title"),
                () -> ldText(ld, "headline"),
                () -> ldText(ld, "name"),
                () -> clean(page.title()));
        String description = first(
                () -> meta(page, "og:description"),
                () -> meta(page, "twitter:description"),
                () -> ldText(ld, "description"),
                () -> meta(page, "description"));
        String siteName = first(
                () -> meta(page, "og:site_name"),
                () -> ldName(ld == null ? null : ld.get("publisher")),
                () -> meta(page, "application-name"));
        String author = first(
                () -> ldName(ld == null ? null : ld.get("author")),
                () -> notUrl(meta(page, "article:author")),
                () -> notUrl(meta(page, "author")),
                () -> microdataName(page, "author"));
        Instant published = first(
                () -> date(meta(page, "article:published_time")),
                () -> date(ldText(ld, "datePublished")),
                () -> date(ldText(ld, "uploadDate")),
                () -> date(microdata(page, "datePublished")),
                () -> date(microdata(page, "uploadDate")),
                () -> date(meta(page, "pubdate")));
        String text = first(() -> excerpt(ldText(ld, "articleBody")), () -> excerpt(readableText(page)), () -> null);
        return new PageMetadata(
                Platform.ofUrl(canonical != null ? canonical : finalUrl),
                cut(title, MAX_FIELD),
                cut(description, MAX_DESCRIPTION),
                cut(siteName, MAX_NAME),
                cut(author, MAX_NAME),
                published,
                text,
                cut(canonical, MAX_URL));
    }

    static boolean isHtml(String contentType) {
        return contentType.equals("text/html") || contentType.equals("application/xhtml+xml");
    }

    /**
     * Parses HTML bytes: with the declared charset when there is one (and it is known), else as jsoup detects it (a
     * byte-order mark, a {@code meta charset}, else UTF-8).
     */
    static Document parse(byte[] body, @Nullable String charset, String baseUrl) {
        String known = null;
        if (charset != null) {
            try {
                known = Charset.forName(charset).name();
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                known = null;
            }
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), known, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset charset(@Nullable String name) {
        try {
            return name == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    @SafeVarargs
    private static <T> @Nullable T first(Supplier<@Nullable T>... candidates) {
        for (Supplier<@Nullable T> candidate : candidates) {
            T value = candidate.get();
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** {@code meta property=...} (OpenGraph) or {@code meta name=...} (Twitter card, description), first non-blank. */
    private static @Nullable String meta(Document page, String name) {
        for (Element meta : page.select("meta[property], meta[name], meta[itemprop]")) {
            String key = meta.hasAttr("property")
                    ? meta.attr("property")
                    : meta.hasAttr("name") ? meta.attr("name") : meta.attr("itemprop");
            if (key.equalsIgnoreCase(name)) {
                String value = clean(meta.attr("content"));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static @Nullable String absoluteMeta(Document page, String name) {
        for (Element meta : page.select("meta[property], meta[name]")) {
            String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
            if (key.equalsIgnoreCase(name) && !meta.attr("content").isBlank()) {
                return httpUrl(meta.absUrl("content"));
            }
        }
        return null;
    }

    private static @Nullable String absolute(Document page, String selector, String attribute) {
        Element element = page.selectFirst(selector);
        return element == null ? null : httpUrl(element.absUrl(attribute));
    }

    private static @Nullable String httpUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
    }

    /** Schema.org microdata ({@code itemprop}), as YouTube's watch page carries it. */
    private static @Nullable String microdata(Document page, String property) {
        Element element = page.selectFirst("[itemprop=" + property + "]");
        if (element == null) {
            return null;
        }
        String value = element.hasAttr("content")
                ? element.attr("content")
                : element.hasAttr("datetime") ? element.attr("datetime") : element.text();
        return clean(value);
    }

    private static @Nullable String microdataName(Document page, String property) {
        Element scope = page.selectFirst("[itemprop=" + property + "]");
        if (scope == null) {
            return null;
        }
        Element name = scope.selectFirst("[itemprop=name]");
        if (name != null) {
            return clean(name.hasAttr("content") ? name.attr("content") : name.text());
        }
        return notUrl(clean(scope.hasAttr("content") ? scope.attr("content") : scope.text()));
    }

    /** The first JSON-LD node describing a piece of content, looked for in arrays and {@code @graph}s. */
    private static @Nullable JsonNode jsonLd(Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = contentNode(JSON.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (JacksonException unreadable) {
                // A broken block is common enough; the other markup still counts.
            }
        }
        return null;
    }

    private static @Nullable JsonNode contentNode(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                JsonNode found = contentNode(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isContentType(node.get("@type"))) {
            return node;
        }
        return contentNode(node.get("@graph"));
    }

    private static boolean isContentType(@Nullable JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (isContentType(one)) {
                    return true;
                }
            }
            return false;
        }
        return type.isString() && CONTENT_TYPES.contains(type.asString().toLowerCase(Locale.ROOT));
    }

    private static @Nullable String ldText(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value != null && value.isArray() && !value.isEmpty()) {
            value = value.get(0);
        }
        return value != null && (value.isString() || value.isNumber())
                ? clean(Jsoup.parse(value.asString()).text())
                : null;
    }

    /** A name of a person or organisation node, a list of them (joined), or a plain string. */
    private static @Nullable String ldName(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return notUrl(clean(node.asString()));
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode one : node) {
                String name = ldName(one);
                if (name != null && !names.contains(name)) {
                    names.add(name);
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return node.isObject() ? ldText(node, "name") : null;
    }

    private static @Nullable String ldUrl(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        String url = ldText(node, "url");
        if (url == null) {
            JsonNode page = node.get("mainEntityOfPage");
            url = page == null ? null : page.isString() ? clean(page.asString()) : ldText(page, "@id");
        }
        return url == null ? null : httpUrl(url);
    }

    /** Readable text: the article, else the main element, else the paragraphs of the body; one paragraph a line. */
    private static @Nullable String readableText(Document page) {
        page.select("script, style, noscript, template, nav, header, footer, aside, form")
                .remove();
        for (String container : List.of("article", "main", "[role=main]", "body")) {
            Element root = page.selectFirst(container);
            if (root == null) {
                continue;
            }
            List<String> paragraphs = new ArrayList<>();
            for (Element paragraph : root.select("p, h1, h2, h3, li, blockquote")) {
                String text = clean(paragraph.ownText().isBlank() ? null : paragraph.text());
                if (text != null
                        && (paragraphs.isEmpty()
                                || !paragraphs.get(paragraphs.size() - 1).contains(text))) {
                    paragraphs.add(text);
                }
            }
            if (!paragraphs.isEmpty()) {
                return String.join("\n", paragraphs);
            }
            String all = clean(root.text());
            if (all != null) {
                return all;
            }
        }
        return null;
    }

    private @Nullable String excerpt(@Nullable String text) {
        return cut(text == null || text.isBlank() ? null : text.strip(), excerptLength);
    }

    /** An ISO date-time with an offset, a local date-time (taken as UTC), or a date alone (its start, UTC). */
    static @Nullable Instant date(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
                    .toInstant();
        } catch (DateTimeParseException notCompactOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }

    private static @Nullable String notUrl(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//") ? null : value;
    }

    private static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("[\\p{Cc}&&[^\\n]]", " ")
                .replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ")
                .strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static @Nullable String cut(@Nullable String value, int length) {
        if (value == null || value.length() <= length) {
            return value;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}
