package org.factdesk.feeds.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.factdesk.feeds.FeedError;
import org.factdesk.feeds.FeedId;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code feeds_entry}: which entries of a feed were taken, by GUID key, and what became of them. */
@Repository
public class FeedEntries {

    /** What an entry refused before its reason's values were kept shows in their place. */
    static final List<String> UNKNOWN_VALUES = List.of("…", "…", "…");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedEntries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The keys among {@code keys} already taken from the feed. */
    public Set<String> known(FeedId feed, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select guid_key from feeds_entry where feed_id = :feed and guid_key in (:keys)")
                .param("feed", feed.value())
                .param("keys", keys)
                .query(String.class)
                .list());
    }

    /** Records an entry as taken; recording it twice keeps the first record. */
    public void record(
            FeedId feed,
            String key,
            String guid,
            @Nullable ItemId item,
            boolean newItem,
            @Nullable FeedError refusal,
            Instant at) {
        jdbc.sql("""
                        insert into feeds_entry (feed_id, guid_key, guid, item_id, new_item, refusal, refusal_args,
                                                 received_at)
                        values (:feed, :key, :guid, :item, :newItem, :refusal, :refusalArgs, :at)
                        on conflict do nothing
                        """)
                .param("feed", feed.value())
                .param("key", key)
                .param("guid", guid.length() <= 2048 ? guid : guid.substring(0, 2048))
                .param("item", item == null ? null : item.value())
                .param("newItem", newItem)
                .param("refusal", refusal == null ? null : refusal.key())
                .param("refusalArgs", ErrorColumns.values(json, refusal))
                .param("at", toDb(at))
                .update();
    }

    /** A taken entry as recorded: its GUID, the item it became or repeated (or why it was refused), and when. */
    public record Row(
            String guid,
            @Nullable ItemId item,
            boolean newItem,
            @Nullable FeedError refusal,
            Instant at) {}

    /** The feed's most recently taken entries, newest first. */
    public List<Row> recent(FeedId feed, int limit) {
        return jdbc.sql("""
                        select guid, item_id, new_item, refusal, refusal_args, received_at from feeds_entry
                        where feed_id = :feed order by received_at desc, guid_key limit :limit
                        """)
                .param("feed", feed.value())
                .param("limit", limit)
                .query((rs, row) -> {
                    UUID item = rs.getObject("item_id", UUID.class);
                    return new Row(
                            rs.getString("guid"),
                            item == null ? null : new ItemId(item),
                            rs.getBoolean("new_item"),
                            ErrorColumns.read(
                                    json, rs.getString("refusal"), rs.getString("refusal_args"), UNKNOWN_VALUES),
                            instant(rs, "received_at"));
                })
                .list();
    }
}
