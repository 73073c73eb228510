package org.factdesk.tipline.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.FactCheckId;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.factdesk.tipline.PublicFactCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tipline's read model of public fact-checks, one per case, written only from publishing's events. */
@Repository
public class PublicFactChecks {

    private static final String COLUMNS =
            "case_id, fact_check_id, url, language, headline, claim, rating, published_at";

    private final JdbcClient jdbc;

    PublicFactChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a publication, or replaces the case's earlier one (a correction); a withdrawal is undone by it. */
    public void save(PublicFactCheck factCheck) {
        int updated = jdbc.sql("""
                update tipline_fact_check set fact_check_id = :id, url = :url, language = :language,
                    headline = :headline, claim = :claim, rating = :rating, published_at = :publishedAt,
                    withdrawn_at = null
                where case_id = :caseId
                """).paramSource(params(factCheck)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into tipline_fact_check (case_id, fact_check_id, url, language, headline, claim, rating,
                        published_at)
                    values (:caseId, :id, :url, :language, :headline, :claim, :rating, :publishedAt)
                    """).paramSource(params(factCheck)).update();
        }
    }

    public void withdraw(CaseId caseId, Instant at) {
        jdbc.sql("update tipline_fact_check set withdrawn_at = :at where case_id = :caseId")
                .param("at", toDb(at))
                .param("caseId", caseId.value())
                .update();
    }

    /** The public (not withdrawn) fact-checks of these cases. */
    public List<PublicFactCheck> published(Collection<CaseId> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS
                        + " from tipline_fact_check where case_id in (:cases) and withdrawn_at is null")
                .param("cases", cases.stream().map(CaseId::value).toList())
                .query(PublicFactChecks::map)
                .list();
    }

    public Optional<PublicFactCheck> published(CaseId caseId) {
        return published(List.of(caseId)).stream().findFirst();
    }

    private static java.util.Map<String, Object> params(PublicFactCheck factCheck) {
        return java.util.Map.of(
                "caseId", factCheck.caseId().value(),
                "id", factCheck.id().value(),
                "url", factCheck.url(),
                "language", factCheck.language().code(),
                "headline", factCheck.headline(),
                "claim", factCheck.claim(),
                "rating", factCheck.rating().name(),
                "publishedAt", toDb(factCheck.publishedAt()));
    }

    private static PublicFactCheck map(ResultSet rs, int row) throws SQLException {
        return new PublicFactCheck(
                new CaseId(rs.getObject("case_id", UUID.class)),
                new FactCheckId(rs.getObject("fact_check_id", UUID.class)),
                rs.getString("url"),
                Language.fromCode(rs.getString("language")),
                rs.getString("headline"),
                rs.getString("claim"),
                Rating.valueOf(rs.getString("rating")),
                instant(rs, "published_at"));
    }
}
