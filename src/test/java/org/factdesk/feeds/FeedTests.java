package org.factdesk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.junit.jupiter.api.Test;

/** The feed's own rules: health, back-off after failures, validators kept only from successful reads. */
class FeedTests {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration CAP = Duration.ofHours(6);

    private final Feed feed = Feed.subscribe(
            UnitId.random(),
            "https://a.vn/rss",
            null,
            Duration.ofMinutes(30),
            new UserId(java.util.UUID.randomUUID()),
            T0);

    @Test
    void backOffDoublesFromOneIntervalUpToTheCap() {
        Duration interval = Duration.ofMinutes(30);
        assertThat(Feed.retryDelay(interval, 1, CAP)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Feed.retryDelay(interval, 2, CAP)).isEqualTo(Duration.ofMinutes(60));
        assertThat(Feed.retryDelay(interval, 4, CAP)).isEqualTo(Duration.ofMinutes(240));
        assertThat(Feed.retryDelay(interval, 5, CAP)).isEqualTo(CAP);
        assertThat(Feed.retryDelay(interval, 1_000, CAP)).isEqualTo(CAP);
        assertThat(Feed.retryDelay(Duration.ofDays(1), 3, CAP))
                .as("a daily feed is never tried more often than daily")
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void failuresAreCountedAndASuccessClearsThem() {
        FeedError error = new FeedError("feeds.error.malformed", List.of("oops", "3"));
        assertThat(feed.health()).isEqualTo(FeedHealth.PENDING);

        Feed failing = feed.failed(T0, error, CAP).failed(T0.plusSeconds(1800), error, CAP);
        assertThat(failing.health()).isEqualTo(FeedHealth.FAILING);
        assertThat(failing.consecutiveFailures()).isEqualTo(2);
        assertThat(failing.nextPollAt()).isEqualTo(T0.plusSeconds(1800).plus(Duration.ofMinutes(60)));
        assertThat(failing.lastError()).isEqualTo(error);

        Feed ok = failing.succeeded(T0.plusSeconds(9000), "\"v2\"", null, "Tin");
        assertThat(ok.health()).isEqualTo(FeedHealth.OK);
        assertThat(ok.consecutiveFailures()).isZero();
        assertThat(ok.lastError()).isNull();
        assertThat(ok.etag()).isEqualTo("\"v2\"");
        assertThat(ok.nextPollAt()).isEqualTo(T0.plusSeconds(9000).plus(Duration.ofMinutes(30)));
        assertThat(ok.name()).isEqualTo("Tin");
    }

    @Test
    void aFailureKeepsTheValidatorsOfTheLastGoodRead() {
        Feed ok = feed.succeeded(T0, "\"v1\"", "Sun, 01 Mar 2026 00:00:00 GMT", null);
        Feed failing = ok.failed(T0.plusSeconds(60), new FeedError("feeds.error.malformed", List.of("x", "1")), CAP);
        assertThat(failing.etag()).isEqualTo("\"v1\"");
        assertThat(failing.lastModified()).isEqualTo("Sun, 01 Mar 2026 00:00:00 GMT");
        assertThat(failing.lastSuccessAt()).isEqualTo(T0);
    }

    @Test
    void pausedHasNoNextPollAndResumingStartsNow() {
        Feed paused = feed.paused();
        assertThat(paused.health()).isEqualTo(FeedHealth.PAUSED);
        assertThat(paused.nextPollAt()).isNull();
        Feed resumed = paused.resumed(T0.plusSeconds(5));
        assertThat(resumed.active()).isTrue();
        assertThat(resumed.nextPollAt()).isEqualTo(T0.plusSeconds(5));
    }
}
