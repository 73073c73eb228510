package org.factdesk.intake.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
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
    private static final String PREFIXED_COLUMNS = " "
            + Arrays.stream(COLUMNS.split(","))
                    .map(column -> "i." + column.strip())
                    .collect(Collectors.joining(", "));

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
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
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

    /**
     * One page of the inbox in one query: the items matching {@code query} grouped by cluster, the groups with the
     * most recently received item first, one row per group headed by that item; with the cluster's counts, the
     * headline fields of its first item, and its sightings over the {@code days} (plus one) days up to its last one.
     * Only a page past the last one costs a second query, for the total. Without filters the clusters are read in the
     * order of their index on the last item received, so the page costs the same however many items there are.
     */
    public PageOf<InboxEntry> inbox(ItemQuery query, int page, int size, int days) {
        List<Object> parameters = new ArrayList<>();
        String conditions = conditions(query, "", parameters);
        int filters = parameters.size();
        parameters.add(size);
        parameters.add((long) page * size);
        String headConditions = conditions(query, "x.", parameters);
        parameters.add((days + 1) * 86_400L);
        long[] total = {-1};
        // Without filters every item matches: the clusters are paged by their own index, no item is grouped.
        String grouped = conditions.isEmpty() ? """
                        select id as cluster_id, last_received_at as latest, size as matching,
                               (select count(*) from intake_cluster) as total
                        from intake_cluster
                        order by last_received_at desc, id desc
                        limit ? offset ?""" : """
                        select cluster_id, max(received_at) as latest, count(*) as matching, count(*) over () as total
                        from intake_item where 1 = 1""" + conditions + """

                        group by cluster_id
                        order by latest desc, cluster_id desc
                        limit ? offset ?""";
        // Correlated subqueries rather than joins with the page's groups, which H2 plans as a scan for each group.
        List<InboxEntry> rows = jdbc.sql(
                        "with grouped as (" + grouped + """

                        ), heads as (
                            select g.cluster_id, g.latest, g.matching, g.total,
                                   (select x.id from intake_item x where x.cluster_id = g.cluster_id""" + headConditions + """

                                    order by x.received_at desc, x.id desc limit 1) as head
                            from grouped g
                        )
                        select""" + PREFIXED_COLUMNS + """
                        , h.cluster_id, h.matching, h.total, c.size, c.copies, c.first_seen_at, c.last_seen_at,
                            (select string_agg(cast(cast(floor(extract(epoch from s.seen_at) / 900) as bigint) as varchar)
                                               || ':' || cast(s.copies as varchar), ',')
                             from intake_sighting s
                             where s.cluster_id = c.id and c.size > 1
                               and extract(epoch from s.seen_at) > extract(epoch from c.last_seen_at) - ?) as quarters,
                            f.id as first_id, f.title as first_title, substring(f.text, 1, 400) as first_text,
                            f.url as first_url
                        from heads h
                        join intake_item i on i.id = h.head
                        join intake_cluster c on c.id = h.cluster_id
                        left join intake_item f on f.id = c.first_item_id
                        order by h.latest desc, h.cluster_id desc
                        """)
                .params(parameters)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    Item item = map(rs, n);
                    UUID first = rs.getObject("first_id", UUID.class);
                    return new InboxEntry(
                            item,
                            first == null
                                    ? item.headline()
                                    : Item.headline(
                                            new ItemId(first),
                                            rs.getString("first_title"),
                                            rs.getString("first_text"),
                                            rs.getString("first_url")),
                            new ClusterId(rs.getObject("cluster_id", UUID.class)),
                            rs.getInt("size"),
                            rs.getInt("copies"),
                            rs.getInt("matching"),
                            instant(rs, "first_seen_at"),
                            instant(rs, "last_seen_at"),
                            quarters(rs.getString("quarters")));
                })
                .list();
        if (total[0] < 0) {
            total[0] = jdbc.sql("select count(distinct cluster_id) from intake_item where 1 = 1" + conditions)
                    .params(parameters.subList(0, filters))
                    .query(Long.class)
                    .single();
        }
        return new PageOf<>(rows, page, size, total[0]);
    }

    /**
     * A row of the inbox as stored: see {@link org.factdesk.intake.InboxRow}; {@code quarters} maps the start of each
     * quarter of an hour with copies (in the recent days asked for; empty for a single item) to their number.
     */
    public record InboxEntry(
            Item item,
            String headline,
            ClusterId cluster,
            int size,
            int copies,
            int matching,
            Instant firstSeen,
            Instant lastSeen,
            Map<Instant, Integer> quarters) {}

    /** Parses the pairs of quarter and copies, a colon between and commas around; a quarter counts 900 s from the epoch. */
    private static Map<Instant, Integer> quarters(@Nullable String encoded) {
        Map<Instant, Integer> quarters = new TreeMap<>();
        if (encoded == null || encoded.isBlank()) {
            return quarters;
        }
        for (String pair : encoded.split(",")) {
            int colon = pair.indexOf(':');
            quarters.merge(
                    Instant.ofEpochSecond(
                            Long.parseLong(pair.substring(0, colon).strip()) * 900),
                    Integer.parseInt(pair.substring(colon + 1).strip()),
                    Integer::sum);
        }
        return quarters;
    }

    private static String where(ItemQuery query, List<Object> parameters) {
        return " where 1 = 1" + conditions(query, "", parameters);
    }

    /** The filters of {@code query} as {@code and} conditions on columns named with {@code prefix}. */
    private static String conditions(ItemQuery query, String prefix, List<Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (query.status() != null) {
            where.append(" and ").append(prefix).append("status = ?");
            parameters.add(query.status().name());
        }
        if (query.platform() != null) {
            where.append(" and ").append(prefix).append("platform = ?");
            parameters.add(query.platform().name());
        }
        if (query.language() != null) {
            where.append(" and ").append(prefix).append("language = ?");
            parameters.add(query.language().code());
        }
        if (query.unit() != null) {
            where.append(" and ").append(prefix).append("unit_id = ?");
            parameters.add(query.unit().value());
        }
        if (query.text() != null) {
            for (String term : TextFolding.fold(query.text()).split(" ")) {
                if (!term.isBlank()) {
                    where.append(" and ").append(prefix).append("search_text like ? escape '\\'");
                    parameters.add("%" + escapeLike(term) + "%");
                }
            }
        }
        return where.toString();
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
