package org.factdesk.shared.web;

import java.util.function.Function;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters accept languages as "vi"/"en" in any case, as JSON bodies do; an empty id parameter is no id
 * (the "all units" choice of a filter form sends {@code unit=}), not a malformed one.
 */
@Configuration(proxyBeanMethods = false)
class WebConversions implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Language.class, Language::fromCode);
        registry.addConverter(String.class, UnitId.class, text -> orNull(text, UnitId::valueOf));
        registry.addConverter(String.class, CaseId.class, text -> orNull(text, CaseId::valueOf));
        registry.addConverter(String.class, ItemId.class, text -> orNull(text, ItemId::valueOf));
        registry.addConverter(String.class, UserId.class, text -> orNull(text, UserId::valueOf));
    }

    private static <T> @Nullable T orNull(String text, Function<String, T> parse) {
        return text.isBlank() ? null : parse.apply(text.strip());
    }
}
