package org.factdesk.shared;

import org.springframework.http.HttpStatus;

/**
 * A refused request that the user can understand: carries a message key (resolved in the user's language) and the
 * HTTP status it maps to. Modules subclass it with typed exceptions ({@code IllegalCaseTransition}, ...).
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    protected DomainException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + java.util.Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public abstract HttpStatus status();
}
