package org.factdesk.archive.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.factdesk.archive.ArchiveManagement;
import org.factdesk.archive.Link;
import org.factdesk.archive.LinkState;
import org.factdesk.archive.PageMetadata;
import org.factdesk.archive.Snapshot;
import org.factdesk.archive.SnapshotId;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An item's archive over HTTP: the state of its link's fetch with the page's metadata, and its captures with their
 * hashes and download paths (GET); fetch it again (POST, 202). Failures are RFC 9457 problems.
 */
@RestController
@RequestMapping("/api/v1/items/{id}/archive")
class ArchiveApi {

    private final ArchiveManagement archive;
    private final IntakeManagement intake;
    private final MessageSource messages;

    ArchiveApi(ArchiveManagement archive, IntakeManagement intake, MessageSource messages) {
        this.archive = archive;
        this.intake = intake;
        this.messages = messages;
    }

    /** The reason of a failed attempt: its message key, arguments, and the message in the caller's language. */
    record ErrorView(String code, List<String> arguments, String message) {}

    record LinkView(
            String url,
            LinkState state,
            int attempts,
            @Nullable ErrorView error,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant lastAttemptAt,
            @Nullable Instant fetchedAt,
            @Nullable PageMetadata metadata) {}

    record SnapshotView(
            SnapshotId id,
            String requestedUrl,
            String finalUrl,
            int httpStatus,
            String contentType,
            long size,
            String sha256,
            Instant capturedAt,
            Map<String, List<String>> headers,
            String download) {

        static SnapshotView of(Snapshot snapshot) {
            return new SnapshotView(
                    snapshot.id(),
                    snapshot.requestedUrl(),
                    snapshot.finalUrl(),
                    snapshot.httpStatus(),
                    snapshot.contentType(),
                    snapshot.size(),
                    snapshot.sha256(),
                    snapshot.capturedAt(),
                    snapshot.headers(),
                    "/archive/snapshots/" + snapshot.id() + "/raw");
        }
    }

    /** The link is empty when the item has no URL. */
    record ArchiveView(ItemId item, @Nullable LinkView link, List<SnapshotView> snapshots) {}

    @GetMapping
    ArchiveView archive(@PathVariable ItemId id) {
        intake.get(id);
        return view(id);
    }

    @PostMapping("/refetch")
    ResponseEntity<ArchiveView> refetch(@AuthenticationPrincipal CurrentUser user, @PathVariable ItemId id) {
        archive.refetch(user, id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(id));
    }

    private ArchiveView view(ItemId id) {
        LinkView link = archive.link(id).map(this::linkView).orElse(null);
        return new ArchiveView(
                id, link, archive.snapshotsOf(id).stream().map(SnapshotView::of).toList());
    }

    private LinkView linkView(Link link) {
        ErrorView error = link.errorKey() == null
                ? null
                : new ErrorView(
                        link.errorKey(),
                        link.errorArguments(),
                        messages.getMessage(
                                link.errorKey(),
                                link.errorArgumentArray(),
                                link.errorKey(),
                                LocaleContextHolder.getLocale()));
        return new LinkView(
                link.url(),
                link.state(),
                link.attempts(),
                error,
                link.nextAttemptAt(),
                link.lastAttemptAt(),
                link.fetchedAt(),
                link.metadata());
    }
}
