package org.factdesk.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseAction;
import org.factdesk.cases.CaseState;
import org.factdesk.cases.CaseSummary;
import org.factdesk.cases.Claim;
import org.factdesk.cases.CloseReason;
import org.factdesk.cases.Closure;
import org.factdesk.cases.Comment;
import org.factdesk.cases.Evidence;
import org.factdesk.cases.EvidenceFile;
import org.factdesk.cases.EvidenceKind;
import org.factdesk.cases.HistoryEntry;
import org.factdesk.cases.Rating;
import org.factdesk.cases.Verdict;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/** A case as the API answers it: everything the case page shows, with ids as plain UUIDs. */
record CaseJson(
        UUID id,
        UUID unit,
        String title,
        CaseState state,
        @Nullable Integer priority,
        List<String> topics,
        @Nullable UUID assignee,
        UUID openedBy,
        Instant openedAt,
        Instant updatedAt,
        long version,
        List<ClaimJson> claims,
        List<UUID> items,
        List<EvidenceJson> evidence,
        List<CommentJson> comments,
        @Nullable VerdictJson verdict,
        @Nullable ClosureJson closure,
        List<HistoryJson> history,
        List<CaseAction> allowedActions) {

    record ClaimJson(UUID id, String text, Language language) {}

    record EvidenceJson(
            UUID id,
            EvidenceKind kind,
            @Nullable String url,
            @Nullable String title,
            @Nullable String summary,
            @Nullable String text,
            @Nullable FileJson file,
            UUID addedBy,
            Instant addedAt) {}

    record FileJson(String name, String contentType, long size, String sha256, String href) {}

    record CommentJson(UUID id, UUID author, String text, Instant at) {}

    record VerdictJson(
            Rating rating,
            String summary,
            UUID proposedBy,
            Instant proposedAt,
            @Nullable UUID approvedBy,
            @Nullable Instant approvedAt) {}

    record ClosureJson(CloseReason reason, @Nullable String note, UUID closedBy, Instant closedAt) {}

    record HistoryJson(
            CaseAction action,
            @Nullable CaseState from,
            CaseState to,
            UUID by,
            Instant at,
            @Nullable UUID subject,
            @Nullable String detail,
            @Nullable String note) {}

    record SummaryJson(
            UUID id,
            UUID unit,
            String title,
            CaseState state,
            @Nullable Integer priority,
            @Nullable UUID assignee,
            @Nullable Rating rating,
            Instant openedAt,
            Instant updatedAt) {

        static SummaryJson of(CaseSummary summary) {
            return new SummaryJson(
                    summary.id().value(),
                    summary.unit().value(),
                    summary.title(),
                    summary.state(),
                    summary.priority(),
                    uuid(summary.assignee()),
                    summary.rating(),
                    summary.openedAt(),
                    summary.updatedAt());
        }
    }

    static CaseJson of(Case kase) {
        String base = "/api/v1/cases/" + kase.id() + "/evidence/";
        return new CaseJson(
                kase.id().value(),
                kase.unit().value(),
                kase.title(),
                kase.state(),
                kase.priority(),
                kase.topics(),
                uuid(kase.assignee()),
                kase.openedBy().value(),
                kase.openedAt(),
                kase.updatedAt(),
                kase.version(),
                kase.claims().stream().map(CaseJson::claim).toList(),
                kase.items().stream().map(ItemId::value).toList(),
                kase.evidence().stream()
                        .map(evidence -> evidence(evidence, base))
                        .toList(),
                kase.comments().stream().map(CaseJson::comment).toList(),
                verdict(kase.verdict()),
                closure(kase.closure()),
                kase.history().stream().map(CaseJson::history).toList(),
                java.util.Arrays.stream(CaseAction.values())
                        .filter(kase::allows)
                        .toList());
    }

    private static ClaimJson claim(Claim claim) {
        return new ClaimJson(claim.id().value(), claim.text(), claim.language());
    }

    private static EvidenceJson evidence(Evidence evidence, String base) {
        EvidenceFile file = evidence.file();
        boolean note = evidence.kind() == EvidenceKind.NOTE;
        return new EvidenceJson(
                evidence.id().value(),
                evidence.kind(),
                evidence.url(),
                evidence.title(),
                note ? null : evidence.summary(),
                note ? evidence.summary() : null,
                file == null
                        ? null
                        : new FileJson(
                                file.name(),
                                file.contentType(),
                                file.size(),
                                file.sha256(),
                                base + evidence.id() + "/file"),
                evidence.addedBy().value(),
                evidence.addedAt());
    }

    private static CommentJson comment(Comment comment) {
        return new CommentJson(comment.id().value(), comment.author().value(), comment.text(), comment.at());
    }

    private static @Nullable VerdictJson verdict(@Nullable Verdict verdict) {
        return verdict == null
                ? null
                : new VerdictJson(
                        verdict.rating(),
                        verdict.summary(),
                        verdict.proposedBy().value(),
                        verdict.proposedAt(),
                        uuid(verdict.approvedBy()),
                        verdict.approvedAt());
    }

    private static @Nullable ClosureJson closure(@Nullable Closure closure) {
        return closure == null
                ? null
                : new ClosureJson(
                        closure.reason(), closure.note(), closure.closedBy().value(), closure.closedAt());
    }

    private static HistoryJson history(HistoryEntry entry) {
        return new HistoryJson(
                entry.action(),
                entry.from(),
                entry.to(),
                entry.actor().value(),
                entry.at(),
                uuid(entry.subject()),
                entry.detail(),
                entry.note());
    }

    private static @Nullable UUID uuid(@Nullable UserId id) {
        return id == null ? null : id.value();
    }
}
