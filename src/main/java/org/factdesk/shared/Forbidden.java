package org.factdesk.shared;

import org.springframework.http.HttpStatus;

/** The user is known but their roles do not allow the action. */
public class Forbidden extends DomainException {

    public Forbidden(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
