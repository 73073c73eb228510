package org.factdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where the VI/EN links of a page lead: the page itself, or, for a page answered to a form post (a form shown again
 * with its errors), the page the form was on, since the address of the post takes no GET.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

    @ModelAttribute("languageBase")
    String languageBase(HttpServletRequest request) {
        return base(request);
    }

    /**
     * The address the language links of the page answered to {@code request} add {@code lang} to: empty (the page
     * itself) for a GET, else the page the form was on, or the desk's home. Error pages ({@link UiErrors}) get their
     * model without this advice, so they call it themselves.
     */
    static String base(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            return "";
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                String path = from.getRawPath();
                if (request.getServerName().equalsIgnoreCase(from.getHost())
                        && path != null
                        && path.startsWith(request.getContextPath() + "/")) {
                    String query = from.getRawQuery() == null
                            ? ""
                            : Arrays.stream(from.getRawQuery().split("&"))
                                    .filter(part -> !part.isEmpty() && !part.startsWith("lang="))
                                    .collect(Collectors.joining("&"));
                    return path.substring(request.getContextPath().length()) + (query.isEmpty() ? "" : "?" + query);
                }
            } catch (IllegalArgumentException unreadable) {
                // the desk's home below
            }
        }
        return "/";
    }
}
