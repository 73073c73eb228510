package org.factdesk.archive.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.factdesk.archive.Snapshot;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * An archived capture made safe to look at inside the desk: the page's text, headings, lists, tables and links, and
 * nothing that runs or loads. Cleaning is an allow-list (jsoup's {@link Safelist}), so whatever is not known to be
 * inert is gone: scripts, styles, iframes, objects, embeds, forms, {@code base}, event handlers, {@code style}
 * attributes, {@code javascript:} links. Images become links to where they were (the view's Content-Security-Policy
 * would not load them anyway). The desk serves the result with a sandboxing policy as well: two walls, not one.
 *
 * <p>A captured image is shown inline as a {@code data:} URL; plain text as preformatted text; other types not at all
 * (they are downloadable).
 */
public final class SandboxedCopy {

    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .addTags(
                    "article",
                    "section",
                    "header",
                    "footer",
                    "main",
                    "nav",
                    "aside",
                    "figure",
                    "figcaption",
                    "time",
                    "hr",
                    "mark",
                    "abbr",
                    "address",
                    "s",
                    "del",
                    "ins")
            .addAttributes(":all", "dir", "lang")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .preserveRelativeLinks(false);

    private SandboxedCopy() {}

    /** What the view shows: an HTML fragment, safe to put into the page as it is, or nothing for a type not shown. */
    public record Content(String kind, @Nullable String html) {}

    public static Content of(Snapshot snapshot, byte[] body) {
        String type = snapshot.contentType().toLowerCase(Locale.ROOT);
        if (MetadataExtractor.isHtml(type)) {
            return new Content("html", html(body, charset(snapshot), snapshot.finalUrl()));
        }
        if (type.startsWith("text/")) {
            String declared = charset(snapshot);
            Charset charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
            Element pre = new Element("pre").text(new String(body, charset));
            return new Content("text", pre.outerHtml());
        }
        if (INLINE_IMAGES.contains(type)) {
            Element image = new Element("img")
                    .attr(
                            "src",
                            "data:" + type + ";base64," + Base64.getEncoder().encodeToString(body))
                    .attr("alt", snapshot.finalUrl());
            return new Content("image", image.outerHtml());
        }
        return new Content("other", null);
    }

    /** The body of the page, cleaned; relative links made absolute against the URL that answered. */
    static String html(byte[] body, @Nullable String charset, String finalUrl) {
        Document dirty = MetadataExtractor.parse(body, charset, finalUrl);
        for (Element image : dirty.select("img")) {
            String source = image.absUrl("src");
            String label = image.attr("alt").isBlank() ? fileName(source) : image.attr("alt");
            if (source.isBlank() || label.isBlank()) {
                image.remove();
            } else {
                image.replaceWith(new Element("a").attr("href", source).text("[" + label + "]"));
            }
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        return clean.body().html();
    }

    private static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The charset the capture's Content-Type header declared, if any. */
    static @Nullable String charset(Snapshot snapshot) {
        List<String> values = snapshot.headers().get("content-type");
        if (values == null) {
            return null;
        }
        for (String value : values) {
            for (String parameter : value.split(";")) {
                String trimmed = parameter.strip();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = trimmed.substring("charset=".length())
                            .replace("\"", "")
                            .strip();
                    try {
                        return Charset.isSupported(name) ? name : null;
                    } catch (IllegalArgumentException illegal) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
