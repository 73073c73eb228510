package org.factdesk.cases.web;

import org.factdesk.cases.CloseReason;
import org.factdesk.cases.EvidenceKind;
import org.factdesk.cases.web.CaseRequests.CloseRequest;
import org.factdesk.cases.web.CaseRequests.Decision;
import org.factdesk.cases.web.CaseRequests.EvidenceRequest;
import org.factdesk.cases.web.CaseRequests.ReviewRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Rules between fields of the API's requests: a link needs its URL and title, a note its text, a send-back and a
 * duplicate closure their note. Any other object passes untouched, so that the validator can sit on every binder of
 * the API controller.
 */
final class CaseRequestRules implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return true;
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (target instanceof EvidenceRequest evidence && evidence.kind() != null) {
            if (evidence.kind() == EvidenceKind.FILE) {
                errors.rejectValue("kind", "cases.validation.kind.file", "FILE");
            } else if (evidence.kind() == EvidenceKind.LINK) {
                if (blank(evidence.url())) {
                    errors.rejectValue("url", "cases.validation.url.required", "url");
                }
                if (blank(evidence.title())) {
                    errors.rejectValue("title", "cases.validation.evidence-title.required", "title");
                }
            } else if (blank(evidence.text()) && blank(evidence.summary())) {
                errors.rejectValue("text", "cases.validation.note-text.required", "text");
            }
        } else if (target instanceof ReviewRequest review
                && review.decision() == Decision.SEND_BACK
                && blank(review.note())) {
            errors.rejectValue("note", "cases.validation.note.required", "note");
        } else if (target instanceof CloseRequest close
                && close.reason() == CloseReason.DUPLICATE
                && blank(close.note())) {
            errors.rejectValue("note", "cases.validation.note.duplicate", "note");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
