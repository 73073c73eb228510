package org.factdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for {@code /api/} calls that reach no controller: an unknown path (404), a method the path does not
 * take (405), a body of a type it does not read (415). {@link ApiProblems} answers for the API's controllers, and
 * answers these too, the same way; they come before any controller is chosen, so its advice does not see them. Other
 * paths are left to the desk's error pages (the exception goes on).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRouteProblems {

    private final ApiProblems problems;

    ApiRouteProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({
        NoResourceFoundException.class,
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class
    })
    ResponseEntity<Object> beforeAnyController(Exception exception, HttpServletRequest request) throws Exception {
        if (!api(request)) {
            throw exception;
        }
        return problems.handleException(exception, new ServletWebRequest(request));
    }

    /** Whether the request is a call of the API (under {@code /api/}), not a page. */
    static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
