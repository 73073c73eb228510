package org.factdesk.publishing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused public request (unknown address, bad filter) as a page of the public site, in the visitor's language,
 * with the public layout: not the desk's error page, and never a stack trace.
 */
@ControllerAdvice(assignableTypes = PublicSite.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicErrors {

    static final String ERROR_VIEW = "publishing/public-error";

    private final MessageSource messages;

    PublicErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException exception, Model model, HttpServletResponse response) {
        response.setStatus(exception.status().value());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("status", exception.status().value());
        model.addAttribute(
                "message",
                messages.getMessage(
                        exception.messageKey(),
                        exception.arguments(),
                        exception.messageKey(),
                        LocaleContextHolder.getLocale()));
        return ERROR_VIEW;
    }
}
