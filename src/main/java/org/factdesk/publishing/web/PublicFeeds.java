package org.factdesk.publishing.web;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.factdesk.publishing.FactCheckSummary;
import org.factdesk.publishing.PublicQuery;
import org.factdesk.publishing.PublishingExceptions.FactCheckNotFound;
import org.factdesk.publishing.PublishingExceptions.InvalidFactCheckInput;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.publishing.PublishingManagement.PublicState;
import org.factdesk.publishing.PublishingProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * RSS 2.0 and Atom 1.0 feeds of published fact-checks (all, and per topic) and {@code /sitemap.xml}, which lists every
 * published fact-check page so that scripts and search engines find them. Feeds and sitemap carry the public site's
 * validator: a conditional GET after no change is a 304.
 */
@RestController
class PublicFeeds {

    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final PublishingManagement publishing;
    private final PublishingProperties properties;
    private final MessageSource messages;

    PublicFeeds(PublishingManagement publishing, MessageSource messages) {
        this.publishing = publishing;
        this.properties = publishing.properties();
        this.messages = messages;
    }

    @GetMapping("/feeds/rss.xml")
    ResponseEntity<String> rss(HttpServletRequest request) {
        return feed(request, "rss_2.0", RSS, null);
    }

    @GetMapping("/feeds/atom.xml")
    ResponseEntity<String> atom(HttpServletRequest request) {
        return feed(request, "atom_1.0", ATOM, null);
    }

    @GetMapping("/feeds/topics/{topic}/rss.xml")
    ResponseEntity<String> topicRss(@PathVariable String topic, HttpServletRequest request) {
        return feed(request, "rss_2.0", RSS, topic);
    }

    @GetMapping("/feeds/topics/{topic}/atom.xml")
    ResponseEntity<String> topicAtom(@PathVariable String topic, HttpServletRequest request) {
        return feed(request, "atom_1.0", ATOM, topic);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(HttpServletRequest request) {
        PublicState state = publishing.publicState();
        String etag = etag("sitemap", state);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            return ResponseEntity.status(304)
                    .eTag(etag)
                    .cacheControl(PublicSite.CACHE)
                    .build();
        }
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        for (FactCheckSummary factCheck : publishing.allPublished()) {
            xml.append("  <url><loc>")
                    .append(escape(properties.factCheckUrl(factCheck.slug())))
                    .append("</loc><lastmod>")
                    .append(factCheck.updatedAt().toString(), 0, 10)
                    .append("</lastmod></url>\n");
        }
        xml.append("</urlset>\n");
        return ok(xml.toString(), XML, etag, state);
    }

    private ResponseEntity<String> feed(
            HttpServletRequest request, String type, MediaType mediaType, @Nullable String topic) {
        String cleanTopic = topic == null ? null : topic.strip().toLowerCase(Locale.ROOT);
        if (cleanTopic != null
                && (cleanTopic.length() > 60 || !cleanTopic.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}\\-]*"))) {
            throw new InvalidFactCheckInput("publishing.error.filter-topic");
        }
        PublicState state = publishing.publicState();
        String etag = etag(type + "|" + cleanTopic, state);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            return ResponseEntity.status(304)
                    .eTag(etag)
                    .cacheControl(PublicSite.CACHE)
                    .build();
        }
        List<FactCheckSummary> entries = publishing
                .published(
                        cleanTopic == null ? PublicQuery.all() : PublicQuery.topic(cleanTopic),
                        0,
                        Math.min(properties.feedSize(), PublishingManagement.MAX_PAGE_SIZE))
                .content();
        if (cleanTopic != null && entries.isEmpty()) {
            throw new FactCheckNotFound();
        }
        Locale locale = Locale.forLanguageTag("vi");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        String title = messages.getMessage("publishing.site.name", null, locale)
                + (cleanTopic == null ? "" : " · " + cleanTopic);
        feed.setTitle(title);
        String page = cleanTopic == null ? properties.url("/fact-checks") : properties.url("/topics/" + cleanTopic);
        feed.setLink(page);
        feed.setUri(page);
        feed.setDescription(messages.getMessage("publishing.site.description", null, locale));
        feed.setLanguage("vi");
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(properties.url(request.getRequestURI()));
        feed.setLinks(List.of(self));
        feed.setPublishedDate(Date.from(state.lastChange() == null ? Instant.EPOCH : state.lastChange()));
        feed.setEntries(entries.stream().map(this::entry).toList());
        try {
            String xml = new SyndFeedOutput().outputString(feed, true);
            return ok(xml, mediaType, etag, state);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be written", e);
        }
    }

    private SyndEntry entry(FactCheckSummary factCheck) {
        Locale locale = factCheck.language().locale();
        SyndEntry entry = new SyndEntryImpl();
        String url = properties.factCheckUrl(factCheck.slug());
        entry.setTitle(factCheck.headline());
        entry.setLink(url);
        entry.setUri(url);
        entry.setPublishedDate(
                Date.from(factCheck.publishedAt() == null ? factCheck.updatedAt() : factCheck.publishedAt()));
        entry.setUpdatedDate(Date.from(factCheck.updatedAt()));
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(
                messages.getMessage("cases.rating." + factCheck.rating(), null, locale) + " — " + factCheck.summary());
        entry.setDescription(description);
        SyndCategoryImpl rating = new SyndCategoryImpl();
        rating.setName(factCheck.rating().name());
        entry.setCategories(List.of(rating));
        return entry;
    }

    private static ResponseEntity<String> ok(String body, MediaType type, String etag, PublicState state) {
        return ResponseEntity.ok()
                .contentType(type)
                .eTag(etag)
                .lastModified(state.lastChange() == null ? Instant.EPOCH : state.lastChange())
                .cacheControl(PublicSite.CACHE)
                .body(body);
    }

    private static String etag(String kind, PublicState state) {
        String key = kind + "|" + state.lastChange() + "|" + state.pages();
        return "\"" + DigestUtils.md5DigestAsHex(key.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
