package org.factdesk.intake.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.intake.ClusterId;
import org.factdesk.intake.Engagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemQuery;
import org.factdesk.intake.ItemStatus;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.TextFolding;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored items. Search is a conjunction of diacritic-folded substrings over {@code search_text}. */
@Repository
public class Items {

    private static final String COLUMNS = """
            id, unit_id, url, title, text, platform, language, seen_at, likes, shares, comments, views, note, status,
            case_id, submitted_by, received_at, times_seen, tip_channel""";

    private final JdbcClient jdbc;

    Items(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new item as a member of {@code cluster}, which must already be stored. */
    public void insert(Item item, @Nullable String urlKey, @Nullable String textHash, ClusterId cluster) {
        jdbc.sql("""
                insert into intake_item (id, unit_id, url, url_key, title, text, text_hash, platform, language, seen_at,
                    likes, shares, comments, views, note, status, case_id, submitted_by, received_at, times_seen,
                    search_text, cluster_id, tip_channel)
                values (:id, :unit, :url, :urlKey, :title, :text, :textHash, :platform, :language, :seenAt,
                    :likes, :shares, :comments, :views, :note, :status, :caseId, :submittedBy, :receivedAt, :timesSeen,
                    :searchText, :cluster, :tipChannel)
                """)
                .param("id", item.id().value())
                .param("cluster", cluster.value())
                .param("unit", item.unit().value())
                .param("url", item.url())
                .param("urlKey", urlKey)
                .param("title", item.title())
                .param("text", item.text())
                .param("textHash", textHash)
                .param("platform", item.platform().name())
                .param("language", item.language().code())
                .param("seenAt", toDb(item.seenAt()))
                .param("likes", item.engagement().likes())
                .param("shares", item.engagement().shares())
                .param("comments", item.engagement().comments())
                .param("views", item.engagement().views())
                .param("note", item.note())
                .param("status", item.status().name())
                .param("caseId", item.caseId() == null ? null : item.caseId().value())
                .param(
                        "submittedBy",
                        item.submittedBy() == null ? null : item.submittedBy().value())
                .param("tipChannel", item.tipChannel())
                .param("receivedAt", toDb(item.receivedAt()))
                .param("timesSeen", item.timesSeen())
                .param("searchText", searchText(item))
                .update();
    }

    /** The item already stored under this URL key or text hash, if any. */
    public Optional<Item> findDuplicate(@Nullable String urlKey, @Nullable String textHash) {
        if (urlKey != null) {
            Optional<Item> byUrl = jdbc.sql("select " + COLUMNS + " from intake_item where url_key = :key")
                    .param("key", urlKey)
                    .query(Items::map)
                    .optional();
            if (byUrl.isPresent()) {
                return byUrl;
            }
        }
        if (textHash != null) {
            return jdbc.sql("select " + COLUMNS + " from intake_item where text_hash = :hash")
                    .param("hash", textHash)
                    .query(Items::map)
                    .optional();
        }
        return Optional.empty();
    }

    public void countSighting(ItemId id) {
        jdbc.sql("update intake_item set times_seen = times_seen + 1 where id = :id")
                .param("id", id.value())
                .update();
    }

    public Optional<Item> find(ItemId id) {
        return jdbc.sql("select " + COLUMNS + " from intake_item where id = :id")
                .param("id", id.value())
                .query(Items::map)
                .optional();
    }

    public List<Item> findAll(Collection<ItemId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from intake_item where id in (:ids) order by received_at desc")
                .param("ids", ids.stream().map(ItemId::value).toList())
                .query(Items::map)
                .list();
    }

    /** The items of a cluster, earliest seen first. */
    public List<Item> findByCluster(ClusterId cluster) {
        return jdbc.sql("select " + COLUMNS + " from intake_item where cluster_id = :cluster"
                        + " order by seen_at, received_at, id")
                .param("cluster", cluster.value())
                .query(Items::map)
                .list();
    }

    /** Puts items that are not in a case into {@code caseId}; returns how many were. */
    public int attach(Collection<ItemId> ids, CaseId caseId) {
        return jdbc.sql("""
                        update intake_item set status = 'IN_CASE', case_id = :caseId
                        where id in (:ids) and status <> 'IN_CASE'
                        """)
                .param("caseId", caseId.value())
                .param("ids", ids.stream().map(ItemId::value).toList())
                .update();
    }

    public void updateStatus(Collection<ItemId> ids, ItemStatus status) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update intake_item set status = :status where id in (:ids)")
                .param("status", status.name())
                .param("ids", ids.stream().map(ItemId::value).toList())
                .update();
    }

    public PageOf<Item> search(ItemQuery query, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.status() != null) {
            where.append(" and status = ?");
            parameters.add(query.status().name());
        }
        if (query.platform() != null) {
            where.append(" and platform = ?");
            parameters.add(query.platform().name());
        }
        if (query.language() != null) {
            where.append(" and language = ?");
            parameters.add(query.language().code());
        }
        if (query.unit() != null) {
            where.append(" and unit_id = ?");
            parameters.add(query.unit().value());
        }
        if (query.text() != null) {
            for (String term : TextFolding.fold(query.text()).split(" ")) {
                if (!term.isBlank()) {
                    where.append(" and search_text like ? escape '\\'");
                    parameters.add("%" + escapeLike(term) + "%");
                }
            }
        }
        long total = jdbc.sql("select count(*) from intake_item" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(size);
        pageParameters.add((long) page * size);
        List<Item> rows = jdbc.sql("select " + COLUMNS + " from intake_item" + where
                        + " order by received_at desc, seen_at desc, id limit ? offset ?")
                .params(pageParameters)
                .query(Items::map)
                .list();
        return new PageOf<>(rows, page, size, total);
    }

    static String searchText(Item item) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {item.title(), item.text(), item.url(), item.note()}) {
            if (part != null) {
                text.append(part).append(' ');
            }
        }
        return TextFolding.fold(text.toString());
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Item map(ResultSet rs, int row) throws SQLException {
        UUID caseId = rs.getObject("case_id", UUID.class);
        UUID submitter = rs.getObject("submitted_by", UUID.class);
        return new Item(
                new ItemId(rs.getObject("id", UUID.class)),
                new UnitId(rs.getObject("unit_id", UUID.class)),
                rs.getString("url"),
                rs.getString("title"),
                rs.getString("text"),
                Platform.valueOf(rs.getString("platform")),
                Language.fromCode(rs.getString("language")),
                instant(rs, "seen_at"),
                new Engagement(
                        nullableLong(rs, "likes"),
                        nullableLong(rs, "shares"),
                        nullableLong(rs, "comments"),
                        nullableLong(rs, "views")),
                rs.getString("note"),
                ItemStatus.valueOf(rs.getString("status")),
                caseId == null ? null : new CaseId(caseId),
                submitter == null ? null : new UserId(submitter),
                instant(rs, "received_at"),
                rs.getInt("times_seen"),
                rs.getString("tip_channel"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
