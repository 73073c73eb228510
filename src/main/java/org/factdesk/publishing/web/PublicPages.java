package org.factdesk.publishing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.TimeZone;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.PublishingProperties;
import org.factdesk.publishing.internal.ArticleHtml;
import org.factdesk.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * What the public fact-check page needs around a {@link FactCheck}, shared by the public site and the desk's
 * preview: the page is shown in the fact-check's own language whatever the visitor's setting, with its body
 * rendered and sanitised, its canonical URL, share image and ClaimReview markup.
 */
@Component
class PublicPages {

    static final String FACT_CHECK_VIEW = "publishing/fact-check";

    private final ArticleHtml html;
    private final ClaimReviewMarkup claimReview;
    private final MessageSource messages;
    private final PublishingProperties properties;
    private final ZoneId zone;

    PublicPages(
            ArticleHtml html,
            ClaimReviewMarkup claimReview,
            MessageSource messages,
            PublishingProperties properties,
            @org.springframework.beans.factory.annotation.Value("${factdesk.time-zone}") String timeZone) {
        this.html = html;
        this.claimReview = claimReview;
        this.messages = messages;
        this.properties = properties;
        this.zone = ZoneId.of(timeZone);
    }

    /** Fills the model of the fact-check page; {@code preview} marks a desk preview (not public, not indexed). */
    String factCheck(
            HttpServletRequest request,
            Model model,
            FactCheck factCheck,
            org.factdesk.publishing.Article article,
            String publisher,
            boolean preview) {
        Locale locale = useLanguage(request, factCheck.language());
        String ratingName = messages.getMessage("cases.rating." + factCheck.rating(), null, locale);
        model.addAttribute("factCheck", factCheck);
        model.addAttribute("article", article);
        model.addAttribute("bodyHtml", html.render(article.body()));
        model.addAttribute("ratingName", ratingName);
        model.addAttribute("publisher", publisher);
        model.addAttribute("canonical", properties.factCheckUrl(factCheck.slug()));
        model.addAttribute("shareImage", properties.url("/share/" + factCheck.slug() + ".png"));
        model.addAttribute("siteUrl", properties.url("/fact-checks"));
        model.addAttribute("preview", preview);
        model.addAttribute(
                "jsonLd",
                factCheck.state() == org.factdesk.publishing.FactCheckState.WITHDRAWN
                        ? null
                        : claimReview.jsonLd(factCheck, ratingName, publisher));
        return FACT_CHECK_VIEW;
    }

    /**
     * Renders this request in {@code language}: the locale resolver and the locale context are told for this request
     * only (no cookie is written), so messages, dates and {@code lang} attributes follow the fact-check.
     */
    Locale useLanguage(HttpServletRequest request, Language language) {
        Locale locale = language.locale();
        request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        request.setAttribute(CookieLocaleResolver.TIME_ZONE_REQUEST_ATTRIBUTE_NAME, timeZone);
        LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(locale, timeZone));
        return locale;
    }

    /** A filter date ({@code yyyy-MM-dd}) as the start of that day in the site's time zone; null when blank. */
    Instant startOf(String name, String value) {
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException malformed) {
            throw new org.factdesk.publishing.PublishingExceptions.InvalidFactCheckInput(
                    "publishing.error.filter-date", value.strip());
        }
    }

    ZoneId zone() {
        return zone;
    }
}
