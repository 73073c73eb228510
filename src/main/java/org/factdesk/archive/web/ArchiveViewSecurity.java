package org.factdesk.archive.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The sandboxed view of an archived page gets its own chain (before the desk's UI chain, for this one path pattern
 * only) because its Content-Security-Policy replaces the desk's: sandbox puts the page in a unique origin with no
 * scripts, forms, popups or top navigation, and default-src 'none' with img-src data: lets nothing load from the
 * network, not even the desk's own CSS. It is read by signed-in desk users only, with the same session.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveViewSecurity {

    static final String POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain archiveViewChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/archive/snapshots/*/view")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
