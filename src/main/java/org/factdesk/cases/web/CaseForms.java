package org.factdesk.cases.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.factdesk.cases.CloseReason;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.Rating;
import org.jspecify.annotations.Nullable;

/** The forms of the case pages: what the browser posts, never the aggregate itself. */
final class CaseForms {

    private CaseForms() {}

    /** Open a case: the claims come one per line. */
    record OpenCaseForm(
            @Nullable UUID unit,

            @NotBlank(message = "{cases.validation.title.required}")
            @Size(max = 200, message = "{cases.validation.title.size}")
            String title,

            @NotBlank(message = "{cases.validation.claims.required}")
            String claims,

            @NotEmpty(message = "{cases.validation.items.required}")
            List<UUID> items) {

        static OpenCaseForm of(List<UUID> items, @Nullable UUID unit) {
            return new OpenCaseForm(unit, "", "", items);
        }

        List<NewClaim> claimList() {
            return Arrays.stream(claims.split("\\R"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> new NewClaim(line, null))
                    .toList();
        }
    }

    /** Triage: the topics come in one field, separated by commas. */
    record TriageForm(
            @NotNull(message = "{cases.validation.priority.required}")
            @Min(value = 1, message = "{cases.validation.priority.range}")
            @Max(value = 4, message = "{cases.validation.priority.range}")
            Integer priority,

            @NotBlank(message = "{cases.validation.topics.required}")
            String topics) {

        static TriageForm empty() {
            return new TriageForm(3, "");
        }

        List<String> topicList() {
            return Arrays.stream(topics.split("[,;\\n]"))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .toList();
        }
    }

    record AssignForm(
            @NotNull(message = "{cases.validation.assignee.required}")
            UUID assignee) {}

    record LinkForm(
            @NotBlank(message = "{cases.validation.url.required}")
            @Size(max = 2000, message = "{cases.validation.url.size}")
            String url,

            @NotBlank(message = "{cases.validation.evidence-title.required}")
            @Size(max = 300, message = "{cases.validation.evidence-title.size}")
            String title,

            @Nullable @Size(max = 2000, message = "{cases.validation.summary.size}")
            String summary) {

        static LinkForm empty() {
            return new LinkForm("", "", "");
        }
    }

    record NoteForm(
            @NotBlank(message = "{cases.validation.note-text.required}")
            @Size(max = 4000, message = "{cases.validation.note-text.size}")
            String text) {

        static NoteForm empty() {
            return new NoteForm("");
        }
    }

    record CommentForm(
            @NotBlank(message = "{cases.validation.comment.required}")
            @Size(max = 4000, message = "{cases.validation.comment.size}")
            String text) {

        static CommentForm empty() {
            return new CommentForm("");
        }
    }

    record VerdictForm(
            @NotNull(message = "{cases.validation.rating.required}")
            Rating rating,

            @NotBlank(message = "{cases.validation.summary.required}")
            @Size(max = 2000, message = "{cases.validation.summary.size}")
            String summary) {}

    record SendBackForm(
            @NotBlank(message = "{cases.validation.note.required}")
            @Size(max = 2000, message = "{cases.validation.note.size}")
            String note) {

        static SendBackForm empty() {
            return new SendBackForm("");
        }
    }

    record CloseForm(
            @NotNull(message = "{cases.validation.reason.required}")
            CloseReason reason,

            @Nullable @Size(max = 2000, message = "{cases.validation.note.size}")
            String note) {}
}
