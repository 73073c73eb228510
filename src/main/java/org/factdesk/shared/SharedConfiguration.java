package org.factdesk.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Beans that every module may use. Async execution is on for Spring Modulith's application module listeners, which
 * run after the publishing transaction committed, on their own thread and transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class SharedConfiguration {

    /** The one clock of the application; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
