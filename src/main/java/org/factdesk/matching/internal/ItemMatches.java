package org.factdesk.matching.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.factdesk.cases.ClaimId;
import org.factdesk.matching.MatchDecision;
import org.factdesk.matching.engine.Band;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored matches of items and the decisions on them. */
@Repository
public class ItemMatches {

    /** One stored row. */
    public record Row(
            ItemId item,
            ClaimId claim,
            CaseId caseId,
            double score,
            Band band,
            MatchDecision decision,
            Instant matchedAt,
            @Nullable UserId decidedBy,
            @Nullable Instant decidedAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;

    ItemMatches(JdbcClient jdbc, JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    /** Stores a match unless the item already has one for this claim (a decision is never overwritten). */
    public void insertIfAbsent(Row row) {
        if (find(row.item(), row.claim()).isPresent()) {
            return;
        }
        jdbc.sql("""
                        insert into matching_item_match
                            (item_id, claim_id, case_id, score, band, decision, matched_at)
                        values (:item, :claim, :caseId, :score, :band, :decision, :matchedAt)
                        """)
                .param("item", row.item().value())
                .param("claim", row.claim().value())
                .param("caseId", row.caseId().value())
                .param("score", row.score())
                .param("band", row.band().name())
                .param("decision", row.decision().name())
                .param("matchedAt", toDb(row.matchedAt()))
                .update();
    }

    /**
     * Stores the rows whose item has no match for that claim yet, with one query for those stored and one batch of
     * inserts; returns how many were stored.
     */
    public int insertAllIfAbsent(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Set<List<UUID>> stored = new HashSet<>();
        for (Row existing : of(rows.stream().map(Row::item).distinct().toList())) {
            stored.add(List.of(existing.item().value(), existing.claim().value()));
        }
        List<Object[]> inserts = new ArrayList<>();
        for (Row row : rows) {
            if (stored.add(List.of(row.item().value(), row.claim().value()))) {
                inserts.add(new Object[] {
                    row.item().value(),
                    row.claim().value(),
                    row.caseId().value(),
                    row.score(),
                    row.band().name(),
                    row.decision().name(),
                    toDb(row.matchedAt())
                });
            }
        }
        if (!inserts.isEmpty()) {
            batchJdbc.batchUpdate("""
                    insert into matching_item_match (item_id, claim_id, case_id, score, band, decision, matched_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
        return inserts.size();
    }

    public Optional<Row> find(ItemId item, ClaimId claim) {
        return jdbc.sql("select * from matching_item_match where item_id = :item and claim_id = :claim")
                .param("item", item.value())
                .param("claim", claim.value())
                .query(ItemMatches::map)
                .optional();
    }

    public List<Row> of(ItemId item) {
        return of(List.of(item));
    }

    /** The stored matches of these items in one query, each item's best first. */
    public List<Row> of(Collection<ItemId> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from matching_item_match where item_id in (:items)
                        order by item_id, score desc, claim_id
                        """)
                .param("items", items.stream().map(ItemId::value).distinct().toList())
                .query(ItemMatches::map)
                .list();
    }

    public void decide(ItemId item, ClaimId claim, MatchDecision decision, UserId by, Instant at) {
        jdbc.sql("""
                        update matching_item_match set decision = :decision, decided_by = :by, decided_at = :at
                        where item_id = :item and claim_id = :claim
                        """)
                .param("decision", decision.name())
                .param("by", by.value())
                .param("at", toDb(at))
                .param("item", item.value())
                .param("claim", claim.value())
                .update();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        UUID decidedBy = rs.getObject("decided_by", UUID.class);
        return new Row(
                new ItemId(rs.getObject("item_id", UUID.class)),
                new ClaimId(rs.getObject("claim_id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getDouble("score"),
                Band.valueOf(rs.getString("band")),
                MatchDecision.valueOf(rs.getString("decision")),
                instant(rs, "matched_at"),
                decidedBy == null ? null : new UserId(decidedBy),
                instantOrNull(rs, "decided_at"));
    }
}
