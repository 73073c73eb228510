package org.factdesk.shared;

import org.springframework.http.HttpStatus;

/** The request is well-formed but breaks a rule of the domain (a workflow step from the wrong state, ...). */
public class RuleViolation extends DomainException {

    public RuleViolation(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
