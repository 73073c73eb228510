package org.factdesk.tipline.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.factdesk.tipline.TiplineProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The tipline's public paths, before the desk's own chains: the tip form is open to everyone with CSRF protection;
 * the Telegram webhook is open without CSRF (Telegram has no session) and checks the secret header itself. Both
 * refuse a request larger than the configured size before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
class TiplineSecurityConfiguration {

    static final String TOO_LARGE_PATH = "/tips/too-large";

    @Bean
    @Order(-5)
    SecurityFilterChain tiplineChain(HttpSecurity http, TiplineProperties properties) throws Exception {
        long maxBytes = properties.maxFormSize().toBytes();
        http.securityMatcher("/tips", "/tips/**", "/hooks/telegram", "/hooks/telegram/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/hooks/telegram", "/hooks/telegram/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new SizeLimit(maxBytes), CsrfFilter.class);
        return http.build();
    }

    /**
     * Refuses a request body over the limit by its declared length, before the CSRF filter or the form binding reads
     * it: the tip form's request is sent on to a readable page that says so (303 to {@link #TOO_LARGE_PATH}, which
     * answers 413), the webhook's gets a bare 413. The body is never read and the connection is closed. A body without
     * a declared length is bounded by Tomcat's form size limit and the tipline's own text limit.
     */
    static final class SizeLimit extends OncePerRequestFilter {

        private final long maxBytes;

        SizeLimit(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > maxBytes) {
                response.setHeader("Connection", "close");
                if (request.getRequestURI().startsWith(request.getContextPath() + "/tips")) {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + TOO_LARGE_PATH);
                } else {
                    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                }
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
