package org.factdesk.shared.web;

import org.factdesk.shared.Language;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Request parameters accept languages as "vi"/"en" in any case, as JSON bodies do. */
@Configuration(proxyBeanMethods = false)
class WebConversions implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Language.class, Language::fromCode);
    }
}
