package org.factdesk.shared;

import org.springframework.http.HttpStatus;

/** The request carries a value that can never be accepted (too long, wrong type, malformed). */
public class InvalidInput extends DomainException {

    private final HttpStatus status;

    public InvalidInput(String messageKey, Object... arguments) {
        this(HttpStatus.BAD_REQUEST, messageKey, arguments);
    }

    public InvalidInput(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
