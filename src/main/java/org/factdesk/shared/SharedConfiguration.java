package org.factdesk.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that every module may use. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** The one clock of the application; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
