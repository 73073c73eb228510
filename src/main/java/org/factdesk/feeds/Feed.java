package org.factdesk.feeds;

import java.time.Duration;
import java.time.Instant;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A unit's subscription to one RSS/Atom feed, with the state of its polling. The validators ({@code etag},
 * {@code lastModified}) are those of the last answer that was read successfully, so a feed that was broken and is
 * fixed is read again in full rather than answered "not modified".
 *
 * @param title the name the unit gave it; empty to use the feed's own
 * @param feedTitle the title the feed gives itself, from its last successful poll
 * @param lastPolledAt when it was last polled, successfully or not
 * @param lastError why the last poll failed; empty when it succeeded
 * @param consecutiveFailures failed polls since the last success; sets the retry delay
 * @param nextPollAt when it is polled next; empty while paused
 */
public record Feed(
        FeedId id,
        UnitId unit,
        String url,
        @Nullable String title,
        @Nullable String feedTitle,
        Duration pollInterval,
        boolean active,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable Instant lastPolledAt,
        @Nullable Instant lastSuccessAt,
        @Nullable FeedError lastError,
        int consecutiveFailures,
        @Nullable Instant nextPollAt,
        @Nullable UserId createdBy,
        Instant createdAt) {

    /** A new subscription, polled first at {@code now}. */
    public static Feed subscribe(
            UnitId unit, String url, @Nullable String title, Duration interval, UserId by, Instant now) {
        return new Feed(
                FeedId.random(), unit, url, title, null, interval, true, null, null, null, null, null, 0, now, by, now);
    }

    /** The unit's name for it, else the feed's title, else its URL. */
    public String name() {
        return title != null ? title : feedTitle != null ? feedTitle : url;
    }

    public FeedHealth health() {
        if (!active) {
            return FeedHealth.PAUSED;
        }
        if (lastError != null) {
            return FeedHealth.FAILING;
        }
        return lastSuccessAt == null ? FeedHealth.PENDING : FeedHealth.OK;
    }

    /**
     * A poll that read the feed (or was told it had not changed): the error is cleared and the next poll is one
     * interval later. Validators missing from the answer keep their old values only on "not modified".
     */
    public Feed succeeded(
            Instant at, @Nullable String newEtag, @Nullable String newLastModified, @Nullable String newFeedTitle) {
        return new Feed(
                id,
                unit,
                url,
                title,
                newFeedTitle != null ? newFeedTitle : feedTitle,
                pollInterval,
                active,
                newEtag,
                newLastModified,
                at,
                at,
                null,
                0,
                at.plus(pollInterval),
                createdBy,
                createdAt);
    }

    /** A poll that failed: the error is kept and the feed is tried again after {@link #retryDelay}. */
    public Feed failed(Instant at, FeedError error, Duration maxBackOff) {
        int failures = consecutiveFailures + 1;
        return new Feed(
                id,
                unit,
                url,
                title,
                feedTitle,
                pollInterval,
                active,
                etag,
                lastModified,
                at,
                lastSuccessAt,
                error,
                failures,
                at.plus(retryDelay(pollInterval, failures, maxBackOff)),
                createdBy,
                createdAt);
    }

    public Feed paused() {
        return copy(title, pollInterval, false, consecutiveFailures, null);
    }

    /** Active again and polled at {@code now}; the failure count starts over. */
    public Feed resumed(Instant now) {
        return copy(title, pollInterval, true, 0, now);
    }

    /** With the unit's name for it ({@code null}: the feed's own title) and poll interval changed. */
    public Feed withSettings(@Nullable String newTitle, Duration interval) {
        return copy(newTitle, interval, active, consecutiveFailures, nextPollAt);
    }

    public Feed pollAt(Instant when) {
        return copy(title, pollInterval, active, consecutiveFailures, when);
    }

    /** This feed with its settings and planning changed; the state of its last polls kept. */
    private Feed copy(
            @Nullable String newTitle, Duration interval, boolean isActive, int failures, @Nullable Instant next) {
        return new Feed(
                id,
                unit,
                url,
                newTitle,
                feedTitle,
                interval,
                isActive,
                etag,
                lastModified,
                lastPolledAt,
                lastSuccessAt,
                lastError,
                failures,
                next,
                createdBy,
                createdAt);
    }

    /**
     * How long to wait after the {@code failures}-th failure in a row: one interval, then doubling each time, never
     * more than {@code maxBackOff} (or the interval itself when that is longer). A feed that is down for a day is
     * thus tried a handful of times, not every few minutes, and is back within hours of being fixed.
     */
    public static Duration retryDelay(Duration interval, int failures, Duration maxBackOff) {
        Duration cap = maxBackOff.compareTo(interval) > 0 ? maxBackOff : interval;
        Duration delay = interval;
        for (int i = 1; i < failures && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
