package org.factdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Renders a refused request in a page as the i18n error page with the reason, never a stack trace. Controllers that
 * can show the reason next to a form catch the exception themselves; this is the fallback.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UiErrors {

    public static final String ERROR_VIEW = "error";

    private final MessageSource messages;

    public UiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException exception, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(exception.status().value());
        model.addAttribute("languageBase", LanguageLinks.base(request));
        model.addAttribute("status", exception.status().value());
        model.addAttribute("messageFromDesk", true);
        model.addAttribute(
                "message",
                messages.getMessage(
                        exception.messageKey(),
                        exception.arguments(),
                        exception.messageKey(),
                        LocaleContextHolder.getLocale()));
        return ERROR_VIEW;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("languageBase", LanguageLinks.base(request));
        model.addAttribute("status", 413);
        model.addAttribute("messageFromDesk", true);
        model.addAttribute(
                "message",
                messages.getMessage(
                        "problem.upload-too-large", null, "problem.upload-too-large", LocaleContextHolder.getLocale()));
        return ERROR_VIEW;
    }
}
