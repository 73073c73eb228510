package org.factdesk.feeds.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.feeds.Feed;
import org.factdesk.feeds.FeedError;
import org.factdesk.feeds.FeedId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code feeds_feed}: the subscriptions and the state of their polling. */
@Repository
public class Feeds {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Feeds(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the unit already has a feed of this URL key */
    public void insert(Feed feed, String urlKey) {
        jdbc.sql("""
                        insert into feeds_feed (id, unit_id, url, url_key, title, poll_interval_seconds, active,
                                                consecutive_failures, next_poll_at, poll_requested, created_by,
                                                created_at)
                        values (:id, :unit, :url, :key, :title, :interval, :active, 0, :next, false, :by, :created)
                        """)
                .param("id", feed.id().value())
                .param("unit", feed.unit().value())
                .param("url", feed.url())
                .param("key", urlKey)
                .param("title", feed.title())
                .param("interval", feed.pollInterval().toSeconds())
                .param("active", feed.active())
                .param("next", toDb(feed.nextPollAt()))
                .param("by", feed.createdBy() == null ? null : feed.createdBy().value())
                .param("created", toDb(feed.createdAt()))
                .update();
    }

    /** Writes the feed's name and poll interval, and its next poll time when given (else it stays). */
    public void updateSettings(Feed feed, @Nullable Instant nextPoll) {
        jdbc.sql("""
                        update feeds_feed set title = :title, poll_interval_seconds = :interval,
                            next_poll_at = coalesce(:next, next_poll_at)
                        where id = :id
                        """)
                .param("id", feed.id().value())
                .param("title", feed.title())
                .param("interval", feed.pollInterval().toSeconds())
                .param("next", toDb(nextPoll))
                .update();
    }

    /**
     * Writes the outcome of a poll. The active flag is left as it is (a feed paused while it was polled stays paused,
     * without a next poll): only {@link #setActive} changes it.
     */
    public void recordPoll(Feed feed) {
        FeedError error = feed.lastError();
        jdbc.sql("""
                        update feeds_feed set feed_title = :feedTitle, etag = :etag,
                               last_modified = :lastModified, last_polled_at = :polled, last_success_at = :success,
                               last_error_key = :errorKey, last_error_args = :errorArgs,
                               consecutive_failures = :failures,
                               next_poll_at = case when active then :next else null end
                        where id = :id
                        """)
                .param("feedTitle", feed.feedTitle())
                .param("etag", feed.etag())
                .param("lastModified", feed.lastModified())
                .param("polled", toDb(feed.lastPolledAt()))
                .param("success", toDb(feed.lastSuccessAt()))
                .param("errorKey", error == null ? null : error.key())
                .param("errorArgs", ErrorColumns.values(json, error))
                .param("failures", feed.consecutiveFailures())
                .param("next", toDb(feed.nextPollAt()))
                .param("id", feed.id().value())
                .update();
    }

    /** Pauses or resumes the feed, with its next poll (empty while paused) and its failure count. */
    public void setActive(Feed feed) {
        jdbc.sql("""
                        update feeds_feed set active = :active, next_poll_at = :next, consecutive_failures = :failures
                        where id = :id
                        """)
                .param("active", feed.active())
                .param("next", toDb(feed.nextPollAt()))
                .param("failures", feed.consecutiveFailures())
                .param("id", feed.id().value())
                .update();
    }

    public Optional<Feed> find(FeedId id) {
        return jdbc.sql("select * from feeds_feed where id = :id")
                .param("id", id.value())
                .query(this::feed)
                .optional();
    }

    /** The feeds of these units, by name of unit then URL. */
    public List<Feed> ofUnits(Collection<UnitId> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from feeds_feed where unit_id in (:units) order by created_at, url")
                .param("units", units.stream().map(UnitId::value).toList())
                .query(this::feed)
                .list();
    }

    public List<Feed> active() {
        return jdbc.sql("select * from feeds_feed where active = true")
                .query(this::feed)
                .list();
    }

    public void delete(FeedId id) {
        jdbc.sql("delete from feeds_feed where id = :id")
                .param("id", id.value())
                .update();
    }

    /** Marks that someone asked for a poll now; see {@link #takePollRequest}. */
    public void requestPoll(FeedId id) {
        jdbc.sql("update feeds_feed set poll_requested = true where id = :id")
                .param("id", id.value())
                .update();
    }

    /** Whether a poll was asked for since the last call, clearing the request. */
    public boolean takePollRequest(FeedId id) {
        return jdbc.sql("update feeds_feed set poll_requested = false where id = :id and poll_requested = true")
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** Entries taken from each of these feeds, and how many of them were new items. */
    public Map<FeedId, long[]> entryCounts(Collection<FeedId> ids) {
        Map<FeedId, long[]> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select feed_id, count(*) as entries, sum(case when new_item then 1 else 0 end) as new_items
                        from feeds_entry where feed_id in (:ids) group by feed_id
                        """).param("ids", ids.stream().map(FeedId::value).toList()).query(rs -> {
            counts.put(
                    new FeedId(rs.getObject("feed_id", UUID.class)),
                    new long[] {rs.getLong("entries"), rs.getLong("new_items")});
        });
        return counts;
    }

    private Feed feed(ResultSet rs, int row) throws SQLException {
        String errorKey = rs.getString("last_error_key");
        String errorArgs = rs.getString("last_error_args");
        UUID by = rs.getObject("created_by", UUID.class);
        return new Feed(
                new FeedId(rs.getObject("id", UUID.class)),
                new UnitId(rs.getObject("unit_id", UUID.class)),
                rs.getString("url"),
                rs.getString("title"),
                rs.getString("feed_title"),
                Duration.ofSeconds(rs.getLong("poll_interval_seconds")),
                rs.getBoolean("active"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                instantOrNull(rs, "last_polled_at"),
                instantOrNull(rs, "last_success_at"),
                ErrorColumns.read(json, errorKey, errorArgs, List.of()),
                rs.getInt("consecutive_failures"),
                instantOrNull(rs, "next_poll_at"),
                by == null ? null : new UserId(by),
                instant(rs, "created_at"));
    }
}
