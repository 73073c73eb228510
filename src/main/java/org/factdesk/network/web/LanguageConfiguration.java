package org.factdesk.network.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The UI language: Vietnamese by default, switched with {@code ?lang=vi|en}, kept in a cookie and, for a signed-in
 * user, remembered in their account so that it follows them to another browser.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final String PARAMETER = "lang";

    private final NetworkManagement network;
    private final CookieLocaleResolver resolver = new CookieLocaleResolver("factdesk-lang");

    LanguageConfiguration(NetworkManagement network, @Value("${factdesk.time-zone}") String timeZone) {
        this.network = network;
        resolver.setDefaultTimeZone(TimeZone.getTimeZone(ZoneId.of(timeZone)));
        resolver.setDefaultLocaleFunction(LanguageConfiguration::fromAcceptLanguage);
        resolver.setCookieMaxAge(Duration.ofDays(365));
    }

    /** Without a choice yet: English when the browser or script prefers English over Vietnamese, else Vietnamese. */
    private static Locale fromAcceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String primary = range.getRange().split("-")[0];
                    if (primary.equals("vi") || primary.equals("en")) {
                        return Language.fromCode(primary).locale();
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return Language.VI.locale();
            }
        }
        return Language.VI.locale();
    }

    @Bean
    LocaleResolver localeResolver() {
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String requested = request.getParameter(PARAMETER);
                if (requested == null) {
                    return true;
                }
                Language language;
                try {
                    language = Language.fromCode(requested);
                } catch (IllegalArgumentException unknown) {
                    return true;
                }
                resolver.setLocale(request, response, language.locale());
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                    network.changeLanguage(user.id(), language);
                }
                return true;
            }
        });
    }
}
