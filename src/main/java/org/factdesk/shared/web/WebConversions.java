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
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request parameters accept languages as "vi"/"en" in any case, as JSON bodies do; an empty id parameter is no id
 * (the "all units" choice of a filter form sends {@code unit=}), not a malformed one.
 *
 * <p>JSON request bodies are read by the desk's mapper with one difference: a number or a boolean where text is
 * expected ({@code {"text": 123}}) or a number where a boolean is ({@code {"confirmed": 1}}) is refused with the
 * field named, instead of being turned into {@code "123"} or {@code true}. Only request bodies: the desk's own
 * stored JSON (an error's arguments, numbers among them, read back as text) keeps the lenient mapper.
 */
@Configuration(proxyBeanMethods = false)
class WebConversions implements WebMvcConfigurer {

    private final JsonMapper json;

    WebConversions(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict(json)));
    }

    static JsonMapper strict(JsonMapper mapper) {
        return mapper.rebuild()
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean, bool -> bool.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build();
    }

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
