package org.factdesk.network.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.factdesk.network.NetworkManagement;
import org.springframework.web.filter.OncePerRequestFilter;

/** While the installation has no user, every page leads to the first-run page that creates the administrator. */
final class FirstRunFilter extends OncePerRequestFilter {

    private final NetworkManagement network;
    private volatile boolean setUp;

    FirstRunFilter(NetworkManagement network) {
        this.network = network;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!setUp) {
            setUp = network.hasUsers();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!setUp && !isExempt(path)) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isExempt(String path) {
        return path.startsWith("/setup")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/actuator/")
                || path.equals("/error")
                || path.equals("/favicon.ico");
    }
}
