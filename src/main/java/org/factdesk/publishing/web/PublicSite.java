package org.factdesk.publishing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.FactCheckSummary;
import org.factdesk.publishing.PublicQuery;
import org.factdesk.publishing.PublishingExceptions.FactCheckNotFound;
import org.factdesk.publishing.PublishingExceptions.InvalidFactCheckInput;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.publishing.PublishingManagement.PublicState;
import org.factdesk.publishing.internal.ShareImages;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public site's pages: the listing with its filters and search, a page per topic, a page per fact-check and its
 * share image. No login; every answer carries a validator (ETag and Last-Modified) so that a conditional GET of an
 * unchanged page is a 304.
 */
@Controller
class PublicSite {

    static final String LIST_VIEW = "publishing/list";
    static final CacheControl CACHE =
            CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic();

    private final PublishingManagement publishing;
    private final PublicPages pages;
    private final ShareImages shareImages;
    private final MessageSource messages;

    PublicSite(PublishingManagement publishing, PublicPages pages, ShareImages shareImages, MessageSource messages) {
        this.publishing = publishing;
        this.pages = pages;
        this.shareImages = shareImages;
        this.messages = messages;
    }

    @GetMapping("/fact-checks")
    @Nullable
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String rating,
            @RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PublicQuery query = new PublicQuery(
                blankToNull(q),
                rating(rating),
                topic(topic),
                language(language),
                isBlank(from) ? null : pages.startOf("from", from),
                isBlank(to) ? null : pages.startOf("to", to).plus(java.time.Duration.ofDays(1)));
        int pageNumber = pageNumber(page);
        if (notModified(request, response, "list")) {
            return null;
        }
        PageOf<FactCheckSummary> found =
                publishing.published(query, pageNumber, publishing.properties().pageSize());
        model.addAttribute("found", found);
        model.addAttribute("query", query);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("from", from == null ? "" : from.strip());
        model.addAttribute("to", to == null ? "" : to.strip());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("ratingNames", ratingNames());
        model.addAttribute("languages", Language.values());
        model.addAttribute("topics", publishing.publishedTopics());
        model.addAttribute("topicPage", null);
        model.addAttribute("canonical", publishing.properties().url("/fact-checks"));
        model.addAttribute("pager", pagerBase(q, rating, topic, language, from, to));
        return LIST_VIEW;
    }

    @GetMapping("/topics/{topic}")
    @Nullable
    String topic(
            @PathVariable String topic,
            @RequestParam(required = false) @Nullable String page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String clean = topic(topic);
        int pageNumber = pageNumber(page);
        if (notModified(request, response, "topic")) {
            return null;
        }
        PageOf<FactCheckSummary> found = publishing.published(
                PublicQuery.topic(clean), pageNumber, publishing.properties().pageSize());
        if (found.total() == 0) {
            throw new FactCheckNotFound();
        }
        model.addAttribute("found", found);
        model.addAttribute("query", PublicQuery.topic(clean));
        model.addAttribute("q", "");
        model.addAttribute("from", "");
        model.addAttribute("to", "");
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("ratingNames", ratingNames());
        model.addAttribute("languages", Language.values());
        model.addAttribute("topics", publishing.publishedTopics());
        model.addAttribute("topicPage", clean);
        model.addAttribute("canonical", publishing.properties().url("/topics/" + clean));
        model.addAttribute("pager", "/topics/" + clean + "?");
        return LIST_VIEW;
    }

    @GetMapping("/fact-checks/{slug}")
    @Nullable
    String factCheck(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        FactCheck factCheck = publishing.publicPage(slug).orElseThrow(FactCheckNotFound::new);
        String etag = "\"fc-" + factCheck.id() + "-" + factCheck.version() + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        if (new ServletWebRequest(request, response)
                .checkNotModified(etag, factCheck.updatedAt().toEpochMilli())) {
            return null;
        }
        return pages.factCheck(
                request, model, factCheck, factCheck.article(), publishing.publisherName(factCheck), false);
    }

    @GetMapping("/share/{slug}.png")
    ResponseEntity<byte[]> shareImage(@PathVariable String slug, HttpServletRequest request) {
        FactCheck factCheck = publishing.publicPage(slug).orElseThrow(FactCheckNotFound::new);
        String etag = "\"share-" + factCheck.id() + "-" + factCheck.version() + "\"";
        if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(CACHE).build();
        }
        Locale locale = factCheck.language().locale();
        byte[] png = shareImages.render(
                factCheck.rating(),
                messages.getMessage("cases.rating." + factCheck.rating(), null, locale),
                factCheck.article().claim(),
                publishing.publisherName(factCheck),
                host(publishing.properties().baseUrl()));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .eTag(etag)
                .lastModified(factCheck.updatedAt())
                .cacheControl(CACHE)
                .body(png);
    }

    /** Each rating's name in each language ("vi.FALSE"), so that entries show the rating in their own language. */
    private java.util.Map<String, String> ratingNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Language language : Language.values()) {
            for (Rating rating : Rating.values()) {
                names.put(
                        language.code() + "." + rating.name(),
                        messages.getMessage("cases.rating." + rating, null, language.locale()));
            }
        }
        return names;
    }

    // --- conditional requests ---

    /**
     * Lists change when any public page changes; their validator is the public site's last change and page count,
     * with the request's query and language (the listing's chrome follows the visitor's language).
     */
    private boolean notModified(HttpServletRequest request, HttpServletResponse response, String kind) {
        PublicState state = publishing.publicState();
        Instant last = state.lastChange() == null ? Instant.EPOCH : state.lastChange();
        String key = kind + "|" + request.getRequestURI() + "|" + request.getQueryString() + "|"
                + LocaleContextHolder.getLocale().getLanguage() + "|" + last + "|" + state.pages();
        String etag = "\"" + DigestUtils.md5DigestAsHex(key.getBytes(StandardCharsets.UTF_8)) + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE.getHeaderValue());
        response.addHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        return new ServletWebRequest(request, response).checkNotModified(etag, last.toEpochMilli());
    }

    // --- filters ---

    private static @Nullable Rating rating(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String clean = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(Rating.values())
                .filter(rating -> rating.name().equals(clean))
                .findFirst()
                .orElseThrow(() -> new InvalidFactCheckInput("publishing.error.filter-rating", value.strip()));
    }

    private static @Nullable Language language(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Language.fromCode(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidFactCheckInput("publishing.error.filter-language", value.strip());
        }
    }

    private static @Nullable String topic(@Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        String clean = value.strip().toLowerCase(Locale.ROOT);
        if (clean.length() > 60 || !clean.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}\\-]*")) {
            throw new InvalidFactCheckInput("publishing.error.filter-topic");
        }
        return clean;
    }

    private static int pageNumber(@Nullable String value) {
        if (isBlank(value)) {
            return 0;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 0 && page <= 100_000) {
                return page;
            }
        } catch (NumberFormatException malformed) {
            // refused below
        }
        throw new InvalidFactCheckInput("publishing.error.filter-page");
    }

    private static String pagerBase(
            @Nullable String q,
            @Nullable String rating,
            @Nullable String topic,
            @Nullable String language,
            @Nullable String from,
            @Nullable String to) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/fact-checks");
        for (String[] parameter : List.of(
                new String[] {"q", q},
                new String[] {"rating", rating},
                new String[] {"topic", topic},
                new String[] {"language", language},
                new String[] {"from", from},
                new String[] {"to", to})) {
            if (!isBlank(parameter[1])) {
                builder.queryParam(parameter[0], parameter[1].strip());
            }
        }
        String base = builder.encode().build().toUriString();
        return base + (base.contains("?") ? "&" : "?");
    }

    static String host(String baseUrl) {
        return baseUrl.replaceFirst("^https?://", "");
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return isBlank(value) ? null : value.strip();
    }
}
