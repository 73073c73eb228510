package org.factdesk.shared;

import org.springframework.http.HttpStatus;

/** The thing asked for does not exist, or the asker may not know that it exists. */
public class NotFound extends DomainException {

    public NotFound(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
