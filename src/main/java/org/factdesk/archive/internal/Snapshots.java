package org.factdesk.archive.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factdesk.archive.Snapshot;
import org.factdesk.archive.SnapshotId;
import org.factdesk.shared.ItemId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code archive_snapshot}: what was captured, when, and under which hash the body is stored. */
@Repository
public class Snapshots {

    private static final TypeReference<LinkedHashMap<String, List<String>>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Snapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Snapshot snapshot) {
        jdbc.sql("""
                        insert into archive_snapshot (id, item_id, requested_url, final_url, http_status, content_type,
                                                      size, sha256, captured_at, headers)
                        values (:id, :item, :requested, :final, :status, :type, :size, :sha256, :captured, :headers)
                        """)
                .param("id", snapshot.id().value())
                .param("item", snapshot.item().value())
                .param("requested", snapshot.requestedUrl())
                .param("final", snapshot.finalUrl())
                .param("status", snapshot.httpStatus())
                .param("type", snapshot.contentType())
                .param("size", snapshot.size())
                .param("sha256", snapshot.sha256())
                .param("captured", toDb(snapshot.capturedAt()))
                .param("headers", json.writeValueAsString(snapshot.headers()))
                .update();
    }

    public List<Snapshot> ofItem(ItemId item) {
        return jdbc.sql("select * from archive_snapshot where item_id = :item order by captured_at, id")
                .param("item", item.value())
                .query(this::snapshot)
                .list();
    }

    public Optional<Snapshot> find(SnapshotId id) {
        return jdbc.sql("select * from archive_snapshot where id = :id")
                .param("id", id.value())
                .query(this::snapshot)
                .optional();
    }

    private Snapshot snapshot(ResultSet rs, int row) throws SQLException {
        Map<String, List<String>> headers = json.readValue(rs.getString("headers"), HEADERS);
        return new Snapshot(
                new SnapshotId(rs.getObject("id", java.util.UUID.class)),
                new ItemId(rs.getObject("item_id", java.util.UUID.class)),
                rs.getString("requested_url"),
                rs.getString("final_url"),
                rs.getInt("http_status"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                instant(rs, "captured_at"),
                headers);
    }
}
