package org.factdesk.network.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.factdesk.network.Unit;
import org.factdesk.network.UnitKind;
import org.factdesk.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The units of the network. */
@Repository
public class Units {

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Unit unit) {
        jdbc.sql("""
                insert into network_unit (id, name, kind, created_at)
                values (:id, :name, :kind, :createdAt)
                """)
                .param("id", unit.id().value())
                .param("name", unit.name())
                .param("kind", unit.kind().name())
                .param("createdAt", toDb(unit.createdAt()))
                .update();
    }

    public List<Unit> all() {
        return jdbc.sql("select id, name, kind, created_at from network_unit order by name")
                .query(Units::map)
                .list();
    }

    public Optional<Unit> find(UnitId id) {
        return jdbc.sql("select id, name, kind, created_at from network_unit where id = :id")
                .param("id", id.value())
                .query(Units::map)
                .optional();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from network_unit where lower(name) = lower(:name)")
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        return new Unit(
                new UnitId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")),
                instant(rs, "created_at"));
    }
}
