package org.factdesk.intake.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.factdesk.intake.Cluster;
import org.factdesk.intake.ClusterId;
import org.factdesk.intake.DailyCount;
import org.factdesk.intake.Engagement;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemQuery;
import org.factdesk.intake.ItemStatus;
import org.factdesk.intake.SubmissionResult;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items over HTTP: log one (201, or 200 with {@code duplicate: true}), read one, search; read a near-duplicate cluster
 * by its id or by one of its items.
 */
@RestController
@RequestMapping("/api/v1/items")
class ItemApi {

    private final IntakeManagement intake;

    ItemApi(IntakeManagement intake) {
        this.intake = intake;
    }

    record ItemRequest(
            @Nullable UnitId unit,
            @Nullable String url,
            @Nullable String title,
            @Nullable String text,

            @NotNull(message = "{intake.validation.platform}")
            Platform platform,

            @Nullable Language language,
            @Nullable Instant seenAt,
            @Nullable @Valid Engagement engagement,
            @Nullable String note) {}

    record ItemView(
            ItemId id,
            UnitId unit,
            @Nullable String url,
            @Nullable String title,
            @Nullable String text,
            Platform platform,
            String language,
            Instant seenAt,
            Instant receivedAt,
            Engagement engagement,
            @Nullable String note,
            ItemStatus status,
            @Nullable CaseId caseId,
            int timesSeen,
            boolean duplicate) {

        static ItemView of(Item item, boolean duplicate) {
            return new ItemView(
                    item.id(),
                    item.unit(),
                    item.url(),
                    item.title(),
                    item.text(),
                    item.platform(),
                    item.language().code(),
                    item.seenAt(),
                    item.receivedAt(),
                    item.engagement(),
                    item.note(),
                    item.status(),
                    item.caseId(),
                    item.timesSeen(),
                    duplicate);
        }
    }

    @PostMapping
    ResponseEntity<ItemView> submit(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ItemRequest request) {
        SubmissionResult result = intake.submit(
                user,
                new SubmitItem(
                        request.unit(),
                        request.url(),
                        request.title(),
                        request.text(),
                        request.platform(),
                        request.language(),
                        request.seenAt(),
                        request.engagement(),
                        request.note()));
        ItemView view = ItemView.of(result.item(), result.duplicate());
        if (result.duplicate()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(
                        URI.create("/api/v1/items/" + result.item().id()))
                .body(view);
    }

    @GetMapping("/{id}")
    ItemView item(@PathVariable ItemId id) {
        return ItemView.of(intake.get(id), false);
    }

    /** One item of a cluster, in short. */
    record ClusterItemView(
            ItemId id, String headline, @Nullable String url, Platform platform, Instant seenAt, int timesSeen) {

        static ClusterItemView of(Item item) {
            return new ClusterItemView(
                    item.id(), item.headline(), item.url(), item.platform(), item.seenAt(), item.timesSeen());
        }
    }

    record ClusterView(
            ClusterId id,
            ItemId firstItem,
            Instant firstSeen,
            Instant lastSeen,
            int size,
            int copies,
            List<DailyCount> perDay,
            List<ClusterItemView> items) {

        static ClusterView of(Cluster cluster) {
            return new ClusterView(
                    cluster.id(),
                    cluster.firstItem(),
                    cluster.firstSeen(),
                    cluster.lastSeen(),
                    cluster.size(),
                    cluster.copies(),
                    cluster.perDay(),
                    cluster.items().stream().map(ClusterItemView::of).toList());
        }
    }

    @GetMapping("/clusters/{id}")
    ClusterView cluster(@PathVariable ClusterId id) {
        return ClusterView.of(intake.cluster(id));
    }

    @GetMapping("/{id}/cluster")
    ClusterView clusterOf(@PathVariable ItemId id) {
        return ClusterView.of(intake.clusterOf(id));
    }

    @GetMapping
    PageOf<ItemView> search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ItemStatus status,
            @RequestParam(required = false) @Nullable Platform platform,
            @RequestParam(required = false) @Nullable Language language,
            @RequestParam(required = false) @Nullable UnitId unit,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        ItemQuery query = new ItemQuery(q == null || q.isBlank() ? null : q, status, platform, language, unit);
        return intake.search(query, page, size).map(item -> ItemView.of(item, false));
    }
}
