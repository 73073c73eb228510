package org.factdesk.cases;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.cases.CaseExceptions.ConcurrentChange;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores {@link Case} aggregates. A save writes the case row (checking the version read), the child rows added since
 * the last save, and publishes the events the aggregate registered, all in one transaction: either everything is
 * stored and announced, or nothing is.
 */
@Repository
class Cases {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Cases(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Stores the case and publishes its events.
     *
     * @throws ConcurrentChange when the stored case changed since {@code kase} was read
     */
    @Transactional
    void save(Case kase) {
        long newVersion = kase.version() + 1;
        if (kase.isNew()) {
            insertCase(kase);
            insertClaimsAndItems(kase);
        } else {
            int updated = jdbc.sql("""
                    update cases_case set
                        state = :state, priority = :priority, assignee_id = :assignee, updated_at = :updatedAt,
                        verdict_rating = :rating, verdict_summary = :summary,
                        verdict_proposed_by = :proposedBy, verdict_proposed_at = :proposedAt,
                        verdict_approved_by = :approvedBy, verdict_approved_at = :approvedAt,
                        close_reason = :closeReason, close_note = :closeNote, closed_by = :closedBy, closed_at = :closedAt,
                        version = :newVersion
                    where id = :id and version = :version
                    """)
                    .params(caseParameters(kase))
                    .param("newVersion", newVersion)
                    .param("version", kase.version())
                    .update();
            if (updated != 1) {
                throw new ConcurrentChange(kase.id());
            }
            jdbc.sql("delete from cases_topic where case_id = :id")
                    .param("id", kase.id().value())
                    .update();
        }
        insertTopics(kase);
        insertChildren(kase);
        kase.events().forEach(events::publishEvent);
        kase.saved(newVersion);
    }

    @Transactional(readOnly = true)
    Optional<Case> find(CaseId id) {
        Optional<CaseRow> row = jdbc.sql("select * from cases_case where id = :id")
                .param("id", id.value())
                .query(Cases::caseRow)
                .optional();
        return row.map(this::load);
    }

    /** Cases of {@code units}, newest first. */
    @Transactional(readOnly = true)
    PageOf<CaseSummary> page(
            Collection<UnitId> units, @Nullable CaseState state, @Nullable UserId assignee, int page, int size) {
        if (units.isEmpty()) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        StringBuilder where = new StringBuilder("where unit_id in (:units)");
        if (state != null) {
            where.append(" and state = :state");
        }
        if (assignee != null) {
            where.append(" and assignee_id = :assignee");
        }
        List<UUID> unitIds = units.stream().map(UnitId::value).toList();
        long total = bind(jdbc.sql("select count(*) from cases_case " + where), unitIds, state, assignee)
                .query(Long.class)
                .single();
        List<CaseSummary> rows = bind(
                        jdbc.sql("""
                                select id, unit_id, title, state, priority, assignee_id, verdict_rating,
                                       opened_at, updated_at
                                from cases_case
                                """ + where + " order by opened_at desc, id desc limit :limit offset :offset"),
                        unitIds,
                        state,
                        assignee)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new CaseSummary(
                        new CaseId(rs.getObject("id", UUID.class)),
                        new UnitId(rs.getObject("unit_id", UUID.class)),
                        rs.getString("title"),
                        CaseState.valueOf(rs.getString("state")),
                        (Integer) rs.getObject("priority", Integer.class),
                        userId(rs, "assignee_id"),
                        rs.getString("verdict_rating") == null ? null : Rating.valueOf(rs.getString("verdict_rating")),
                        instant(rs, "opened_at"),
                        instant(rs, "updated_at")))
                .list();
        return new PageOf<>(rows, page, size, total);
    }

    /** The claims of open and published cases, in one query; of one case when {@code id} is given. */
    @Transactional(readOnly = true)
    List<CheckedClaim> checkedClaims(@Nullable CaseId id) {
        return id == null
                ? checkedClaims("", Map.of(), " order by c.opened_at, cl.seq")
                : checkedClaims(" and c.id = :id", Map.of("id", id.value()), " order by cl.seq");
    }

    /** These claims, as {@link #checkedClaims(CaseId)} gives them (claims of closed cases left out), in one query. */
    @Transactional(readOnly = true)
    List<CheckedClaim> checkedClaimsById(Collection<ClaimId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return checkedClaims(
                " and cl.id in (:ids)",
                Map.of("ids", ids.stream().map(ClaimId::value).distinct().toList()),
                " order by c.opened_at, cl.seq");
    }

    /**
     * Claims of published cases, the most recently published first, optionally of one rating and one language: one
     * query for the page and one for the count.
     */
    @Transactional(readOnly = true)
    PageOf<CheckedClaim> publishedClaims(@Nullable Rating rating, @Nullable Language language, int page, int size) {
        StringBuilder where = new StringBuilder(" and c.state = 'PUBLISHED'");
        Map<String, Object> parameters = new HashMap<>();
        if (rating != null) {
            where.append(" and c.verdict_rating = :rating");
            parameters.put("rating", rating.name());
        }
        if (language != null) {
            where.append(" and cl.language = :language");
            parameters.put("language", language.code());
        }
        long total = jdbc.sql("""
                        select count(*) from cases_claim cl join cases_case c on c.id = cl.case_id
                        where c.state <> 'CLOSED'
                        """ + where).params(parameters).query(Long.class).single();
        Map<String, Object> pageParameters = new HashMap<>(parameters);
        pageParameters.put("limit", size);
        pageParameters.put("offset", (long) page * size);
        List<CheckedClaim> rows = checkedClaims(
                where.toString(),
                pageParameters,
                " order by c.verdict_approved_at desc, c.id, cl.seq limit :limit offset :offset");
        return new PageOf<>(rows, page, size, total);
    }

    private List<CheckedClaim> checkedClaims(String and, Map<String, ?> parameters, String orderBy) {
        String sql = """
                select cl.id as claim_id, cl.text, cl.language, c.id as case_id, c.unit_id, c.title, c.state,
                       c.verdict_rating, c.verdict_summary, c.verdict_approved_at
                from cases_claim cl join cases_case c on c.id = cl.case_id
                where c.state <> 'CLOSED'
                """;
        return jdbc.sql(sql + and + orderBy)
                .params(parameters)
                .query((rs, row) -> {
                    String rating = rs.getString("verdict_rating");
                    CaseState state = CaseState.valueOf(rs.getString("state"));
                    boolean published = state == CaseState.PUBLISHED;
                    return new CheckedClaim(
                            new ClaimId(rs.getObject("claim_id", UUID.class)),
                            new CaseId(rs.getObject("case_id", UUID.class)),
                            new UnitId(rs.getObject("unit_id", UUID.class)),
                            rs.getString("text"),
                            Language.fromCode(rs.getString("language")),
                            rs.getString("title"),
                            state,
                            published && rating != null ? Rating.valueOf(rating) : null,
                            published ? rs.getString("verdict_summary") : null,
                            published ? instantOrNull(rs, "verdict_approved_at") : null);
                })
                .list();
    }

    /** The open case (not published, not closed) that holds {@code item}, if any. */
    @Transactional(readOnly = true)
    Optional<CaseId> openCaseHolding(ItemId item) {
        return jdbc
                .sql("""
                        select c.id from cases_case c join cases_case_item i on i.case_id = c.id
                        where i.item_id = :item and c.state not in ('PUBLISHED', 'CLOSED')
                        """)
                .param("item", item.value())
                .query((rs, n) -> new CaseId(rs.getObject("id", UUID.class)))
                .list()
                .stream()
                .findFirst();
    }

    // --- writing ---

    private void insertCase(Case kase) {
        jdbc.sql("""
                insert into cases_case (
                    id, unit_id, title, state, priority, assignee_id, opened_by, opened_at, updated_at,
                    verdict_rating, verdict_summary, verdict_proposed_by, verdict_proposed_at,
                    verdict_approved_by, verdict_approved_at, close_reason, close_note, closed_by, closed_at, version)
                values (
                    :id, :unit, :title, :state, :priority, :assignee, :openedBy, :openedAt, :updatedAt,
                    :rating, :summary, :proposedBy, :proposedAt,
                    :approvedBy, :approvedAt, :closeReason, :closeNote, :closedBy, :closedAt, 1)
                """)
                .params(caseParameters(kase))
                .param("unit", kase.unit().value())
                .param("title", kase.title())
                .param("openedBy", kase.openedBy().value())
                .param("openedAt", toDb(kase.openedAt()))
                .update();
    }

    private Map<String, @Nullable Object> caseParameters(Case kase) {
        Map<String, @Nullable Object> parameters = new HashMap<>();
        Verdict verdict = kase.verdict();
        Closure closure = kase.closure();
        parameters.put("id", kase.id().value());
        parameters.put("state", kase.state().name());
        parameters.put("priority", kase.priority());
        parameters.put("assignee", uuid(kase.assignee()));
        parameters.put("updatedAt", toDb(kase.updatedAt()));
        parameters.put("rating", verdict == null ? null : verdict.rating().name());
        parameters.put("summary", verdict == null ? null : verdict.summary());
        parameters.put(
                "proposedBy", verdict == null ? null : verdict.proposedBy().value());
        parameters.put("proposedAt", verdict == null ? null : toDb(verdict.proposedAt()));
        parameters.put("approvedBy", verdict == null ? null : uuid(verdict.approvedBy()));
        parameters.put("approvedAt", verdict == null ? null : toDb(verdict.approvedAt()));
        parameters.put("closeReason", closure == null ? null : closure.reason().name());
        parameters.put("closeNote", closure == null ? null : closure.note());
        parameters.put("closedBy", closure == null ? null : closure.closedBy().value());
        parameters.put("closedAt", closure == null ? null : toDb(closure.closedAt()));
        return parameters;
    }

    private void insertClaimsAndItems(Case kase) {
        List<Claim> claims = kase.claims();
        for (int seq = 0; seq < claims.size(); seq++) {
            Claim claim = claims.get(seq);
            jdbc.sql("""
                    insert into cases_claim (id, case_id, seq, text, language)
                    values (:id, :caseId, :seq, :text, :language)
                    """)
                    .param("id", claim.id().value())
                    .param("caseId", kase.id().value())
                    .param("seq", seq)
                    .param("text", claim.text())
                    .param("language", claim.language().code())
                    .update();
        }
        List<ItemId> items = kase.items();
        for (int seq = 0; seq < items.size(); seq++) {
            jdbc.sql("insert into cases_case_item (case_id, item_id, seq) values (:caseId, :item, :seq)")
                    .param("caseId", kase.id().value())
                    .param("item", items.get(seq).value())
                    .param("seq", seq)
                    .update();
        }
    }

    private void insertTopics(Case kase) {
        List<String> topics = kase.topics();
        for (int seq = 0; seq < topics.size(); seq++) {
            jdbc.sql("insert into cases_topic (case_id, seq, topic) values (:caseId, :seq, :topic)")
                    .param("caseId", kase.id().value())
                    .param("seq", seq)
                    .param("topic", topics.get(seq))
                    .update();
        }
    }

    private void insertChildren(Case kase) {
        int seq = kase.savedHistoryCount();
        for (HistoryEntry entry : kase.unsavedHistory()) {
            jdbc.sql("""
                    insert into cases_transition
                        (case_id, seq, action, from_state, to_state, actor_id, acted_at, subject_id, detail, note)
                    values (:caseId, :seq, :action, :from, :to, :actor, :at, :subject, :detail, :note)
                    """)
                    .param("caseId", kase.id().value())
                    .param("seq", seq++)
                    .param("action", entry.action().name())
                    .param("from", entry.from() == null ? null : entry.from().name())
                    .param("to", entry.to().name())
                    .param("actor", entry.actor().value())
                    .param("at", toDb(entry.at()))
                    .param("subject", uuid(entry.subject()))
                    .param("detail", entry.detail())
                    .param("note", entry.note())
                    .update();
        }
        seq = kase.savedEvidenceCount();
        for (Evidence evidence : kase.unsavedEvidence()) {
            EvidenceFile file = evidence.file();
            jdbc.sql("""
                    insert into cases_evidence (id, case_id, seq, kind, url, title, summary,
                        file_name, file_type, file_size, file_sha256, added_by, added_at)
                    values (:id, :caseId, :seq, :kind, :url, :title, :summary,
                        :fileName, :fileType, :fileSize, :sha256, :addedBy, :addedAt)
                    """)
                    .param("id", evidence.id().value())
                    .param("caseId", kase.id().value())
                    .param("seq", seq++)
                    .param("kind", evidence.kind().name())
                    .param("url", evidence.url())
                    .param("title", evidence.title())
                    .param("summary", evidence.summary())
                    .param("fileName", file == null ? null : file.name())
                    .param("fileType", file == null ? null : file.contentType())
                    .param("fileSize", file == null ? null : file.size())
                    .param("sha256", file == null ? null : file.sha256())
                    .param("addedBy", evidence.addedBy().value())
                    .param("addedAt", toDb(evidence.addedAt()))
                    .update();
        }
        seq = kase.savedCommentCount();
        for (Comment comment : kase.unsavedComments()) {
            jdbc.sql("""
                    insert into cases_comment (id, case_id, seq, author_id, text, created_at)
                    values (:id, :caseId, :seq, :author, :text, :at)
                    """)
                    .param("id", comment.id().value())
                    .param("caseId", kase.id().value())
                    .param("seq", seq++)
                    .param("author", comment.author().value())
                    .param("text", comment.text())
                    .param("at", toDb(comment.at()))
                    .update();
        }
    }

    // --- reading ---

    private record CaseRow(
            CaseId id,
            UnitId unit,
            String title,
            CaseState state,
            @Nullable Integer priority,
            @Nullable UserId assignee,
            UserId openedBy,
            Instant openedAt,
            Instant updatedAt,
            @Nullable Verdict verdict,
            @Nullable Closure closure,
            long version) {}

    private static CaseRow caseRow(ResultSet rs, int row) throws SQLException {
        String rating = rs.getString("verdict_rating");
        Verdict verdict = rating == null
                ? null
                : new Verdict(
                        Rating.valueOf(rating),
                        rs.getString("verdict_summary"),
                        new UserId(rs.getObject("verdict_proposed_by", UUID.class)),
                        instant(rs, "verdict_proposed_at"),
                        userId(rs, "verdict_approved_by"),
                        instantOrNull(rs, "verdict_approved_at"));
        String reason = rs.getString("close_reason");
        Closure closure = reason == null
                ? null
                : new Closure(
                        CloseReason.valueOf(reason),
                        rs.getString("close_note"),
                        new UserId(rs.getObject("closed_by", UUID.class)),
                        instant(rs, "closed_at"));
        return new CaseRow(
                new CaseId(rs.getObject("id", UUID.class)),
                new UnitId(rs.getObject("unit_id", UUID.class)),
                rs.getString("title"),
                CaseState.valueOf(rs.getString("state")),
                rs.getObject("priority", Integer.class),
                userId(rs, "assignee_id"),
                new UserId(rs.getObject("opened_by", UUID.class)),
                instant(rs, "opened_at"),
                instant(rs, "updated_at"),
                verdict,
                closure,
                rs.getLong("version"));
    }

    private Case load(CaseRow row) {
        UUID id = row.id().value();
        List<Claim> claims = jdbc.sql("select id, text, language from cases_claim where case_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new Claim(
                        new ClaimId(rs.getObject("id", UUID.class)),
                        rs.getString("text"),
                        Language.fromCode(rs.getString("language"))))
                .list();
        List<ItemId> items = jdbc.sql("select item_id from cases_case_item where case_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new ItemId(rs.getObject("item_id", UUID.class)))
                .list();
        List<String> topics = jdbc.sql("select topic from cases_topic where case_id = :id order by seq")
                .param("id", id)
                .query(String.class)
                .list();
        List<Evidence> evidence = jdbc.sql("select * from cases_evidence where case_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> {
                    String sha256 = rs.getString("file_sha256");
                    return new Evidence(
                            new EvidenceId(rs.getObject("id", UUID.class)),
                            EvidenceKind.valueOf(rs.getString("kind")),
                            rs.getString("url"),
                            rs.getString("title"),
                            rs.getString("summary"),
                            sha256 == null
                                    ? null
                                    : new EvidenceFile(
                                            rs.getString("file_name"),
                                            rs.getString("file_type"),
                                            rs.getLong("file_size"),
                                            sha256),
                            new UserId(rs.getObject("added_by", UUID.class)),
                            instant(rs, "added_at"));
                })
                .list();
        List<Comment> comments = jdbc.sql("select * from cases_comment where case_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new Comment(
                        new CommentId(rs.getObject("id", UUID.class)),
                        new UserId(rs.getObject("author_id", UUID.class)),
                        rs.getString("text"),
                        instant(rs, "created_at")))
                .list();
        List<HistoryEntry> history = jdbc.sql("select * from cases_transition where case_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> {
                    String from = rs.getString("from_state");
                    return new HistoryEntry(
                            CaseAction.valueOf(rs.getString("action")),
                            from == null ? null : CaseState.valueOf(from),
                            CaseState.valueOf(rs.getString("to_state")),
                            new UserId(rs.getObject("actor_id", UUID.class)),
                            instant(rs, "acted_at"),
                            userId(rs, "subject_id"),
                            rs.getString("detail"),
                            rs.getString("note"));
                })
                .list();
        return new Case(
                row.id(),
                row.unit(),
                row.title(),
                row.openedBy(),
                row.openedAt(),
                claims,
                items,
                row.state(),
                row.priority(),
                topics,
                row.assignee(),
                row.verdict(),
                row.closure(),
                row.updatedAt(),
                row.version(),
                evidence,
                comments,
                history);
    }

    // --- helpers ---

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement,
            List<UUID> units,
            @Nullable CaseState state,
            @Nullable UserId assignee) {
        JdbcClient.StatementSpec bound = statement.param("units", units);
        if (state != null) {
            bound = bound.param("state", state.name());
        }
        if (assignee != null) {
            bound = bound.param("assignee", assignee.value());
        }
        return bound;
    }

    private static @Nullable UserId userId(ResultSet rs, String column) throws SQLException {
        UUID value = rs.getObject(column, UUID.class);
        return value == null ? null : new UserId(value);
    }

    private static @Nullable UUID uuid(@Nullable UserId id) {
        return id == null ? null : id.value();
    }
}
