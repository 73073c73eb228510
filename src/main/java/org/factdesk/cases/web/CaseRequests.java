package org.factdesk.cases.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.factdesk.cases.CloseReason;
import org.factdesk.cases.EvidenceKind;
import org.factdesk.cases.Rating;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the case API takes. Limits repeat the aggregate's, so that a client learns them field by field. */
final class CaseRequests {

    private CaseRequests() {}

    record OpenCaseRequest(
            @Nullable UUID unit,

            @NotBlank(message = "{cases.validation.title.required}")
            @Size(max = 200, message = "{cases.validation.title.size}")
            String title,

            @NotEmpty(message = "{cases.validation.claims.required}")
            @Size(max = 10, message = "{cases.validation.claims.size}")
            List<@Valid @NotNull(message = "{cases.validation.claims.required}") ClaimRequest> claims,

            @NotEmpty(message = "{cases.validation.items.required}")
            @Size(max = 50, message = "{cases.validation.items.size}")
            List<@NotNull(message = "{cases.validation.items.required}") UUID> items) {}

    record ClaimRequest(
            @NotBlank(message = "{cases.validation.claim.required}")
            @Size(max = 1000, message = "{cases.validation.claim.size}")
            String text,

            @Nullable Language language) {}

    record TriageRequest(
            @NotNull(message = "{cases.validation.priority.required}")
            @Min(value = 1, message = "{cases.validation.priority.range}")
            @Max(value = 4, message = "{cases.validation.priority.range}")
            Integer priority,

            @NotEmpty(message = "{cases.validation.topics.required}")
            @Size(max = 10, message = "{cases.validation.topics.size}")
            List<
                            @NotBlank(message = "{cases.validation.topics.required}")
                            @Size(max = 60, message = "{cases.validation.topic.size}") String>
                    topics) {}

    record AssignRequest(
            @NotNull(message = "{cases.validation.assignee.required}")
            UUID assignee) {}

    record EvidenceRequest(
            @NotNull(message = "{cases.validation.kind.required}")
            EvidenceKind kind,

            @Nullable @Size(max = 2000, message = "{cases.validation.url.size}")
            String url,

            @Nullable @Size(max = 300, message = "{cases.validation.evidence-title.size}")
            String title,

            @Nullable @Size(max = 2000, message = "{cases.validation.summary.size}")
            String summary,

            @Nullable @Size(max = 4000, message = "{cases.validation.note-text.size}")
            String text) {}

    record CommentRequest(
            @NotBlank(message = "{cases.validation.comment.required}")
            @Size(max = 4000, message = "{cases.validation.comment.size}")
            String text) {}

    record VerdictRequest(
            @NotNull(message = "{cases.validation.rating.required}")
            Rating rating,

            @NotBlank(message = "{cases.validation.summary.required}")
            @Size(max = 2000, message = "{cases.validation.summary.size}")
            String summary) {}

    enum Decision {
        APPROVE,
        SEND_BACK
    }

    record ReviewRequest(
            @NotNull(message = "{cases.validation.decision.required}")
            Decision decision,

            @Nullable @Size(max = 2000, message = "{cases.validation.note.size}")
            String note) {}

    record CloseRequest(
            @NotNull(message = "{cases.validation.reason.required}")
            CloseReason reason,

            @Nullable @Size(max = 2000, message = "{cases.validation.note.size}")
            String note) {}
}
