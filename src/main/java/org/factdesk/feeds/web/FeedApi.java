package org.factdesk.feeds.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.factdesk.feeds.EditFeed;
import org.factdesk.feeds.Feed;
import org.factdesk.feeds.FeedError;
import org.factdesk.feeds.FeedHealth;
import org.factdesk.feeds.FeedId;
import org.factdesk.feeds.FeedListing;
import org.factdesk.feeds.FeedManagement;
import org.factdesk.feeds.SubscribeFeed;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feeds over HTTP: list the feeds of the caller's units with their state, subscribe (201; bad input is an RFC 9457
 * problem: 400 for a URL that is not http(s) or points to a refused address, 409 for a feed the unit already has),
 * read one, ask for a poll now (202: the poll runs in the scheduler), pause, resume, delete.
 */
@RestController
@RequestMapping("/api/v1/feeds")
class FeedApi {

    private final FeedManagement feeds;
    private final MessageSource messages;

    FeedApi(FeedManagement feeds, MessageSource messages) {
        this.feeds = feeds;
        this.messages = messages;
    }

    record SubscribeRequest(
            @Nullable UnitId unit,

            @NotBlank(message = "{feeds.validation.url}") String url,

            @Nullable String title,
            @Nullable Integer pollMinutes) {}

    /** A failed poll's reason: its message key, arguments, and the text in the caller's language. */
    record ErrorView(String code, List<String> arguments, String message) {}

    record FeedView(
            FeedId id,
            UnitId unit,
            String url,
            @Nullable String title,
            String name,
            FeedHealth health,
            boolean active,
            long pollMinutes,
            @Nullable Instant lastPolledAt,
            @Nullable Instant lastSuccessAt,
            @Nullable ErrorView lastError,
            int consecutiveFailures,
            @Nullable Instant nextPollAt,
            @Nullable Long entries,
            @Nullable Long newItems) {}

    @GetMapping
    List<FeedView> list(@AuthenticationPrincipal CurrentUser user) {
        return feeds.feeds(user).stream().map(this::view).toList();
    }

    @PostMapping
    ResponseEntity<FeedView> subscribe(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SubscribeRequest request) {
        Feed feed = feeds.subscribe(
                user, new SubscribeFeed(request.unit(), request.url(), request.title(), request.pollMinutes()));
        return ResponseEntity.created(URI.create("/api/v1/feeds/" + feed.id())).body(view(feed, null));
    }

    @GetMapping("/{id}")
    FeedView feed(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id) {
        Feed feed = feeds.get(user, id);
        return feeds.feeds(user).stream()
                .filter(listing -> listing.feed().id().equals(id))
                .findFirst()
                .map(this::view)
                .orElseGet(() -> view(feed, null));
    }

    @PostMapping("/{id}/poll")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void poll(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id) {
        feeds.pollNow(user, id);
    }

    /** Renames the feed or changes its interval; absent fields stay, a blank title brings back the feed's own. */
    @PatchMapping("/{id}")
    FeedView edit(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id, @RequestBody EditFeed request) {
        return view(feeds.edit(user, id, request), null);
    }

    @PostMapping("/{id}/pause")
    FeedView pause(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id) {
        return view(feeds.pause(user, id), null);
    }

    @PostMapping("/{id}/resume")
    FeedView resume(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id) {
        return view(feeds.resume(user, id), null);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable FeedId id) {
        feeds.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private FeedView view(FeedListing listing) {
        return view(listing.feed(), listing);
    }

    private FeedView view(Feed feed, @Nullable FeedListing listing) {
        FeedError error = feed.lastError();
        return new FeedView(
                feed.id(),
                feed.unit(),
                feed.url(),
                feed.title(),
                feed.name(),
                feed.health(),
                feed.active(),
                feed.pollInterval().toMinutes(),
                feed.lastPolledAt(),
                feed.lastSuccessAt(),
                error == null
                        ? null
                        : new ErrorView(
                                error.key(),
                                error.arguments(),
                                messages.getMessage(
                                        error.key(),
                                        error.argumentArray(),
                                        error.key(),
                                        LocaleContextHolder.getLocale())),
                feed.consecutiveFailures(),
                feed.nextPollAt(),
                listing == null ? null : listing.entries(),
                listing == null ? null : listing.newItems());
    }
}
