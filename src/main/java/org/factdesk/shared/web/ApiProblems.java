package org.factdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.factdesk.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every failure of a {@code /api/v1} call into RFC 9457 problem details, with titles and details from the
 * message files in the caller's language and, for validation failures, a field-by-field {@code errors} list.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;

    public ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException exception) {
        ProblemDetail problem = problem(exception.status(), message(exception.messageKey(), exception.arguments()));
        problem.setProperty("code", exception.messageKey());
        return ResponseEntity.status(exception.status()).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException exception) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, message("problem.forbidden"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    /**
     * Anything else a call fails on: a 500 with a reference that the log line carries too, never the exception's
     * own text.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Unexpected failure of {} {} (reference {})",
                request.getMethod(),
                request.getRequestURI(),
                reference,
                exception);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, message("problem.internal", reference));
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .body(methodNotAllowed(ex));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .headers(headers)
                .body(unsupportedMediaType(ex));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : "";
        String method = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod()
                : "";
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .headers(headers)
                .body(problem(HttpStatus.NOT_FOUND, message("problem.no-route", method, path)));
    }

    private ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
        String[] supported = ex.getSupportedMethods();
        return problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                message(
                        "problem.method-not-allowed",
                        ex.getMethod(),
                        supported == null ? "" : String.join(", ", supported)));
    }

    private ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                message(
                        "problem.unsupported-media-type",
                        String.valueOf(ex.getContentType()),
                        ex.getSupportedMediaTypes().stream()
                                .map(Object::toString)
                                .collect(java.util.stream.Collectors.joining(", "))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                message("problem.invalid-parameter", exception.getName(), exception.getValue()));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, message("problem.upload-too-large"));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error, locale))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("problem.validation"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("problem.unreadable"));
        Throwable cause = ex.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            String field = fieldPath(invalid);
            Object[] allowed =
                    invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                            ? invalid.getTargetType().getEnumConstants()
                            : new Object[0];
            String detail = allowed.length > 0
                    ? message("problem.unknown-value", invalid.getValue(), field, Arrays.toString(allowed))
                    : message("problem.invalid-value", invalid.getValue(), field);
            problem.setDetail(detail);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        } else if (cause instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            String field = fieldPath(databind);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message("problem.invalid-field"))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
            problem.setTitle(title(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private Map<String, Object> fieldError(FieldError error, Locale locale) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", error.getField());
        entry.put("message", messages.getMessage(error, locale));
        if (error.getRejectedValue() != null && !(error.getRejectedValue() instanceof byte[])) {
            String rejected = String.valueOf(error.getRejectedValue());
            entry.put("rejected", rejected.length() > 80 ? rejected.substring(0, 80) + "…" : rejected);
        }
        return entry;
    }

    private static String fieldPath(DatabindException exception) {
        StringBuilder path = new StringBuilder();
        exception.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private String title(HttpStatusCode status) {
        return messages.getMessage(
                "problem.title." + status.value(),
                null,
                status instanceof HttpStatus known ? known.getReasonPhrase() : "Error",
                LocaleContextHolder.getLocale());
    }

    private String message(String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
