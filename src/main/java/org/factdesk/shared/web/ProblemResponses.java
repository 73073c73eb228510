package org.factdesk.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from servlet filters (security, body limits), which run before any controller
 * advice.
 */
public final class ProblemResponses {

    private final MessageSource messages;
    private final JsonMapper json;

    public ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The problem with status {@code status} whose detail is the message {@code detailKey} with {@code arguments}. */
    public void write(HttpServletResponse response, int status, String detailKey, Object... arguments)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put(
                "title",
                messages.getMessage(
                        "problem.title." + status,
                        null,
                        HttpStatus.valueOf(status).getReasonPhrase(),
                        LocaleContextHolder.getLocale()));
        problem.put("status", status);
        problem.put("detail", messages.getMessage(detailKey, arguments, detailKey, LocaleContextHolder.getLocale()));
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
