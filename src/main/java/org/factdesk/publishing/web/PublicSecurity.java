package org.factdesk.publishing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The public site's own filter chain, ahead of the desk's: anyone may read (GET/HEAD only), no session is created or
 * read, nothing is cached by Spring Security's no-store headers (the pages set their own validators), and a strict
 * Content-Security-Policy allows no script at all: the site works without JavaScript, and JSON-LD blocks are data.
 */
@Configuration(proxyBeanMethods = false)
class PublicSecurity {

    /** Exactly the public site's paths; everything else stays with the desk's chains. */
    static final String[] PATHS = {
        "/fact-checks", "/fact-checks/**", "/topics/**", "/feeds/**", "/sitemap.xml", "/share/**"
    };

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(-10)
    SecurityFilterChain publicSiteChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, PATHS)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> {})
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }
}
