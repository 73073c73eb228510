package org.factdesk.archive.internal;

import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.archive.Link;
import org.factdesk.archive.LinkState;
import org.factdesk.archive.PageMetadata;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code archive_link}: one per item with a URL, the state of its fetch and its latest page metadata. */
@Repository
public class Links {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String INSERT = """
            insert into archive_link (item_id, url, state, attempts, next_attempt_at, platform, created_at, updated_at)
            values (:item, :url, 'PENDING', 0, :now, :platform, :now, :now)
            on conflict do nothing
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    Links(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** A new link to fetch. */
    public record NewLink(ItemId item, String url) {}

    /**
     * Records these links as PENDING, in one batch; a link already recorded is left as it is.
     *
     * @return the links that were new
     */
    public List<NewLink> insertPending(List<NewLink> links, Instant now) {
        if (links.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource[] rows = links.stream()
                .map(link -> new MapSqlParameterSource()
                        .addValue("item", link.item().value())
                        .addValue("url", link.url())
                        .addValue("platform", Platform.ofUrl(link.url()).name())
                        .addValue("now", toDb(now)))
                .toArray(MapSqlParameterSource[]::new);
        int[] counts = batch.batchUpdate(INSERT, rows);
        List<NewLink> inserted = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            // Some drivers report a batch row as SUCCESS_NO_INFO (-2): count it as inserted, scheduling is idempotent.
            if (counts[i] != 0) {
                inserted.add(links.get(i));
            }
        }
        return inserted;
    }

    public Optional<Link> find(ItemId item) {
        return jdbc.sql("select * from archive_link where item_id = :item")
                .param("item", item.value())
                .query(this::link)
                .optional();
    }

    /** The attempt succeeded: the link is FETCHED with the metadata of this capture. */
    public void fetched(ItemId item, PageMetadata metadata, Instant fetchedAt, Instant now) {
        jdbc.sql("""
                        update archive_link set state = 'FETCHED', attempts = attempts + 1, error_key = null,
                               error_args = null, next_attempt_at = null, last_attempt_at = :now,
                               fetched_at = :fetched, platform = :platform, title = :title,
                               description = :description, site_name = :site, author_name = :author,
                               published_at = :published, text_excerpt = :text, canonical_url = :canonical,
                               updated_at = :now
                         where item_id = :item
                        """)
                .param("item", item.value())
                .param("now", toDb(now))
                .param("fetched", toDb(fetchedAt))
                .param("platform", metadata.platform().name())
                .param("title", metadata.title())
                .param("description", metadata.description())
                .param("site", metadata.siteName())
                .param("author", metadata.authorName())
                .param("published", toDb(metadata.publishedAt()))
                .param("text", metadata.text())
                .param("canonical", metadata.canonicalUrl())
                .update();
    }

    /**
     * The attempt failed: the link takes {@code state} (PENDING with the next attempt's time when it will be tried
     * again) and the reason. The metadata of an earlier capture stays.
     */
    public void failed(
            ItemId item,
            LinkState state,
            String errorKey,
            Object[] arguments,
            @Nullable Instant nextAttemptAt,
            Instant now) {
        jdbc.sql("""
                        update archive_link set state = :state, attempts = attempts + 1, error_key = :key,
                               error_args = :args, next_attempt_at = :next, last_attempt_at = :now, updated_at = :now
                         where item_id = :item
                        """)
                .param("item", item.value())
                .param("state", state.name())
                .param("key", errorKey)
                .param("args", arguments(arguments))
                .param("next", toDb(nextAttemptAt))
                .param("now", toDb(now))
                .update();
    }

    /** Someone asked for the link to be fetched again: PENDING, attempts counted afresh, the last reason kept. */
    public boolean restart(ItemId item, Instant now) {
        return jdbc.sql("""
                        update archive_link set state = 'PENDING', attempts = 0, next_attempt_at = :now,
                               updated_at = :now
                         where item_id = :item
                        """).param("item", item.value()).param("now", toDb(now)).update() == 1;
    }

    private String arguments(Object[] arguments) {
        String text = json.writeValueAsString(
                Arrays.stream(arguments).map(String::valueOf).toList());
        return text.length() <= 2000 ? text : "[]";
    }

    private Link link(ResultSet rs, int row) throws SQLException {
        String args = rs.getString("error_args");
        Instant fetchedAt = instantOrNull(rs, "fetched_at");
        String platform = rs.getString("platform");
        PageMetadata metadata = fetchedAt == null
                ? null
                : new PageMetadata(
                        platform == null ? Platform.WEBSITE : Platform.valueOf(platform),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("site_name"),
                        rs.getString("author_name"),
                        instantOrNull(rs, "published_at"),
                        rs.getString("text_excerpt"),
                        rs.getString("canonical_url"));
        return new Link(
                new ItemId(rs.getObject("item_id", UUID.class)),
                rs.getString("url"),
                LinkState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("error_key"),
                args == null ? List.of() : json.readValue(args, STRINGS),
                instantOrNull(rs, "next_attempt_at"),
                instantOrNull(rs, "last_attempt_at"),
                fetchedAt,
                metadata);
    }
}
