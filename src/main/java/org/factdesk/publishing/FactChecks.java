package org.factdesk.publishing;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.PublishingExceptions.ConcurrentChange;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.TextFolding;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores {@link FactCheck} aggregates: the row (checking the version read), its child rows rewritten, and the events
 * the aggregate registered published, in one transaction. Also the public site's reads.
 */
@Repository
class FactChecks {

    /** Search words beyond this many are ignored. */
    static final int MAX_SEARCH_WORDS = 8;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    FactChecks(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    void save(FactCheck factCheck) {
        long newVersion = factCheck.version() + 1;
        Map<String, @Nullable Object> parameters = parameters(factCheck);
        if (factCheck.isNew()) {
            jdbc.sql("""
                    insert into publishing_fact_check (
                        id, case_id, unit_id, slug, language, state, headline, claim, rating, summary, body,
                        search_text, drafted_by, drafted_at, edited_by, published_by, published_at, updated_at,
                        withdrawn_reason, withdrawn_by, withdrawn_at, pending_kind, pending_headline,
                        pending_claim, pending_summary, pending_body, pending_what, pending_why, pending_by, pending_at, version)
                    values (
                        :id, :caseId, :unit, :slug, :language, :state, :headline, :claim, :rating, :summary, :body,
                        :searchText, :draftedBy, :draftedAt, :editedBy, :publishedBy, :publishedAt, :updatedAt,
                        :withdrawnReason, :withdrawnBy, :withdrawnAt, :pendingKind, :pendingHeadline,
                        :pendingClaim, :pendingSummary, :pendingBody, :pendingWhat, :pendingWhy, :pendingBy, :pendingAt, 1)
                    """).params(parameters).update();
            insertFixedChildren(factCheck);
        } else {
            int updated = jdbc.sql("""
                    update publishing_fact_check set
                        slug = :slug, state = :state, headline = :headline, claim = :claim, summary = :summary,
                        body = :body, search_text = :searchText, edited_by = :editedBy, published_by = :publishedBy,
                        published_at = :publishedAt, updated_at = :updatedAt, withdrawn_reason = :withdrawnReason,
                        withdrawn_by = :withdrawnBy, withdrawn_at = :withdrawnAt, pending_kind = :pendingKind,
                        pending_headline = :pendingHeadline, pending_claim = :pendingClaim, pending_summary = :pendingSummary,
                        pending_body = :pendingBody, pending_what = :pendingWhat, pending_why = :pendingWhy,
                        pending_by = :pendingBy, pending_at = :pendingAt, version = :newVersion
                    where id = :id and version = :version
                    """)
                    .params(parameters)
                    .param("newVersion", newVersion)
                    .param("version", factCheck.version())
                    .update();
            if (updated != 1) {
                throw new ConcurrentChange();
            }
        }
        int known = jdbc.sql("select count(*) from publishing_correction where fact_check_id = :id")
                .param("id", factCheck.id().value())
                .query(Integer.class)
                .single();
        List<Correction> corrections = factCheck.corrections();
        for (int seq = known; seq < corrections.size(); seq++) {
            Correction correction = corrections.get(seq);
            jdbc.sql("""
                    insert into publishing_correction
                        (fact_check_id, seq, what, why, proposed_by, approved_by, corrected_at)
                    values (:id, :seq, :what, :why, :proposedBy, :approvedBy, :at)
                    """)
                    .param("id", factCheck.id().value())
                    .param("seq", seq)
                    .param("what", correction.what())
                    .param("why", correction.why())
                    .param("proposedBy", correction.proposedBy().value())
                    .param("approvedBy", correction.approvedBy().value())
                    .param("at", toDb(correction.at()))
                    .update();
        }
        factCheck.events().forEach(events::publishEvent);
        factCheck.saved(newVersion);
    }

    @Transactional(readOnly = true)
    Optional<FactCheck> find(FactCheckId id) {
        return jdbc.sql("select * from publishing_fact_check where id = :id")
                .param("id", id.value())
                .query(this::row)
                .optional()
                .map(this::load);
    }

    @Transactional(readOnly = true)
    Optional<FactCheck> findBySlug(String slug) {
        return jdbc.sql("select * from publishing_fact_check where slug = :slug")
                .param("slug", slug)
                .query(this::row)
                .optional()
                .map(this::load);
    }

    boolean slugTaken(String slug, @Nullable FactCheckId except) {
        return jdbc.sql("select count(*) from publishing_fact_check where slug = :slug and id <> :except")
                        .param("slug", slug)
                        .param("except", except == null ? new UUID(0, 0) : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The fact-checks of a case, any state, by language. */
    @Transactional(readOnly = true)
    List<FactCheckSummary> ofCase(CaseId caseId) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from publishing_fact_check where case_id = :caseId"
                        + " order by language desc")
                .param("caseId", caseId.value())
                .query(FactChecks::summary)
                .list();
    }

    /** The fact-checks of {@code units}, newest change first (the desk's list). */
    @Transactional(readOnly = true)
    List<FactCheckSummary> ofUnits(List<UnitId> units, int limit) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from publishing_fact_check where unit_id in (:units)"
                        + " order by updated_at desc, id limit :limit")
                .param("units", units.stream().map(UnitId::value).toList())
                .param("limit", limit)
                .query(FactChecks::summary)
                .list();
    }

    /**
     * The published fact-checks of these cases that pass the query's filters (its text aside), in the cases' order.
     */
    @Transactional(readOnly = true)
    List<FactCheckSummary> publishedOf(PublicQuery query, List<CaseId> ranked) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        PublicQuery filters =
                new PublicQuery(null, query.rating(), query.topic(), query.language(), query.from(), query.to());
        Map<CaseId, List<FactCheckSummary>> byCase = new HashMap<>();
        for (FactCheckSummary summary :
                published(filters, ranked, 0, Integer.MAX_VALUE / 2).content()) {
            byCase.computeIfAbsent(summary.caseId(), c -> new java.util.ArrayList<>())
                    .add(summary);
        }
        List<FactCheckSummary> out = new java.util.ArrayList<>();
        for (CaseId caseId : new java.util.LinkedHashSet<>(ranked)) {
            out.addAll(byCase.getOrDefault(caseId, List.of()));
        }
        return out;
    }

    /** Published fact-checks matching {@code query}, newest publication first. */
    @Transactional(readOnly = true)
    PageOf<FactCheckSummary> published(PublicQuery query, int page, int size) {
        return published(query, null, page, size);
    }

    private PageOf<FactCheckSummary> published(
            PublicQuery query, @Nullable Collection<CaseId> cases, int page, int size) {
        StringBuilder where = new StringBuilder("where f.state = 'PUBLISHED'");
        Map<String, Object> parameters = new HashMap<>();
        if (cases != null) {
            where.append(" and f.case_id in (:cases)");
            parameters.put("cases", cases.stream().map(CaseId::value).distinct().toList());
        }
        if (query.rating() != null) {
            where.append(" and f.rating = :rating");
            parameters.put("rating", query.rating().name());
        }
        if (query.language() != null) {
            where.append(" and f.language = :language");
            parameters.put("language", query.language().code());
        }
        if (query.from() != null) {
            where.append(" and f.published_at >= :from");
            parameters.put("from", toDb(query.from()));
        }
        if (query.to() != null) {
            where.append(" and f.published_at < :to");
            parameters.put("to", toDb(query.to()));
        }
        if (query.topic() != null) {
            where.append(" and exists (select 1 from publishing_topic t where t.fact_check_id = f.id"
                    + " and t.topic = :topic)");
            parameters.put("topic", query.topic());
        }
        List<String> words = searchWords(query.text());
        for (int i = 0; i < words.size(); i++) {
            where.append(" and f.search_text like :word").append(i).append(" escape '\\'");
            parameters.put("word" + i, "%" + words.get(i) + "%");
        }
        long total = jdbc.sql("select count(*) from publishing_fact_check f " + where)
                .params(parameters)
                .query(Long.class)
                .single();
        List<FactCheckSummary> rows = jdbc.sql("select " + SUMMARY_COLUMNS.replaceAll("(\\w+)(,|$)", "f.$1$2")
                        + " from publishing_fact_check f " + where
                        + " order by f.published_at desc, f.id limit :limit offset :offset")
                .params(parameters)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(FactChecks::summary)
                .list();
        return new PageOf<>(rows, page, size, total);
    }

    /** Topics of published fact-checks, by name. */
    @Transactional(readOnly = true)
    List<String> publishedTopics() {
        return jdbc.sql("""
                select distinct t.topic from publishing_topic t
                join publishing_fact_check f on f.id = t.fact_check_id
                where f.state = 'PUBLISHED' order by t.topic
                """).query(String.class).list();
    }

    /** When anything public last changed, and how many public pages there are: the listing's validator. */
    @Transactional(readOnly = true)
    PublicVersion publicVersion() {
        return jdbc.sql("select max(updated_at) as latest, count(*) as pages from publishing_fact_check"
                        + " where state <> 'DRAFT'")
                .query((rs, n) -> new PublicVersion(instantOrNull(rs, "latest"), rs.getLong("pages")))
                .single();
    }

    /** The validator of the public site as a whole. */
    record PublicVersion(@Nullable Instant latest, long pages) {}

    static List<String> searchWords(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : TextFolding.fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !words.contains(word) && words.size() < MAX_SEARCH_WORDS) {
                words.add(word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
        }
        return words;
    }

    // --- rows ---

    private static final String SUMMARY_COLUMNS =
            "id,case_id,slug,language,state,headline,claim,summary,rating,published_at,updated_at";

    private static FactCheckSummary summary(ResultSet rs, int n) throws SQLException {
        return new FactCheckSummary(
                new FactCheckId(rs.getObject("id", UUID.class)),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getString("slug"),
                Language.fromCode(rs.getString("language")),
                FactCheckState.valueOf(rs.getString("state")),
                rs.getString("headline"),
                rs.getString("claim"),
                rs.getString("summary"),
                Rating.valueOf(rs.getString("rating")),
                instantOrNull(rs, "published_at"),
                instant(rs, "updated_at"));
    }

    private Map<String, @Nullable Object> parameters(FactCheck factCheck) {
        Map<String, @Nullable Object> p = new HashMap<>();
        Article article = factCheck.article();
        Withdrawal withdrawal = factCheck.withdrawal();
        Proposal proposal = factCheck.proposal();
        Article revised = proposal == null ? null : proposal.revised();
        p.put("id", factCheck.id().value());
        p.put("caseId", factCheck.caseId().value());
        p.put("unit", factCheck.unit().value());
        p.put("slug", factCheck.slug());
        p.put("language", factCheck.language().code());
        p.put("state", factCheck.state().name());
        p.put("headline", article.headline());
        p.put("claim", article.claim());
        p.put("rating", factCheck.rating().name());
        p.put("summary", article.summary());
        p.put("body", article.body());
        p.put("searchText", searchText(factCheck));
        p.put("draftedBy", factCheck.draftedBy().value());
        p.put("draftedAt", toDb(factCheck.draftedAt()));
        p.put("editedBy", factCheck.editedBy().value());
        p.put(
                "publishedBy",
                factCheck.publishedBy() == null ? null : factCheck.publishedBy().value());
        p.put("publishedAt", toDb(factCheck.publishedAt()));
        p.put("updatedAt", toDb(factCheck.updatedAt()));
        p.put("withdrawnReason", withdrawal == null ? null : withdrawal.reason());
        p.put("withdrawnBy", withdrawal == null ? null : withdrawal.by().value());
        p.put("withdrawnAt", withdrawal == null ? null : toDb(withdrawal.at()));
        p.put("pendingKind", proposal == null ? null : proposal.kind().name());
        p.put("pendingHeadline", revised == null ? null : revised.headline());
        p.put("pendingClaim", revised == null ? null : revised.claim());
        p.put("pendingSummary", revised == null ? null : revised.summary());
        p.put("pendingBody", revised == null ? null : revised.body());
        p.put("pendingWhat", proposal == null ? null : proposal.what());
        p.put("pendingWhy", proposal == null ? null : proposal.why());
        p.put("pendingBy", proposal == null ? null : proposal.proposedBy().value());
        p.put("pendingAt", proposal == null ? null : toDb(proposal.at()));
        return p;
    }

    private static String searchText(FactCheck factCheck) {
        Article article = factCheck.article();
        String text = TextFolding.fold(String.join(
                " ",
                article.headline(),
                article.claim(),
                article.summary(),
                String.join(" ", factCheck.topics()),
                factCheck.slug().replace('-', ' ')));
        return text.length() <= 8000 ? text : text.substring(0, 8000);
    }

    private void insertFixedChildren(FactCheck factCheck) {
        UUID id = factCheck.id().value();
        List<String> topics = factCheck.topics();
        for (int seq = 0; seq < topics.size(); seq++) {
            jdbc.sql("insert into publishing_topic (fact_check_id, seq, topic) values (:id, :seq, :topic)")
                    .param("id", id)
                    .param("seq", seq)
                    .param("topic", topics.get(seq))
                    .update();
        }
        List<SourceLink> evidence = factCheck.evidence();
        for (int seq = 0; seq < evidence.size(); seq++) {
            SourceLink link = evidence.get(seq);
            jdbc.sql("""
                    insert into publishing_evidence (fact_check_id, seq, title, url, summary)
                    values (:id, :seq, :title, :url, :summary)
                    """)
                    .param("id", id)
                    .param("seq", seq)
                    .param("title", link.title())
                    .param("url", link.url())
                    .param("summary", link.summary())
                    .update();
        }
        List<ItemId> items = factCheck.items();
        for (int seq = 0; seq < items.size(); seq++) {
            jdbc.sql("insert into publishing_item (fact_check_id, seq, item_id) values (:id, :seq, :item)")
                    .param("id", id)
                    .param("seq", seq)
                    .param("item", items.get(seq).value())
                    .update();
        }
        List<Appearance> appearances = factCheck.appearances();
        for (int seq = 0; seq < appearances.size(); seq++) {
            Appearance appearance = appearances.get(seq);
            jdbc.sql("""
                    insert into publishing_appearance (fact_check_id, seq, url, platform, seen_at)
                    values (:id, :seq, :url, :platform, :seenAt)
                    """)
                    .param("id", id)
                    .param("seq", seq)
                    .param("url", appearance.url())
                    .param("platform", appearance.platform().name())
                    .param("seenAt", toDb(appearance.seenAt()))
                    .update();
        }
    }

    private record Row(Map<String, @Nullable Object> values) {}

    private Row row(ResultSet rs, int n) throws SQLException {
        Map<String, @Nullable Object> values = new HashMap<>();
        for (String column : List.of(
                "slug",
                "language",
                "state",
                "headline",
                "claim",
                "rating",
                "summary",
                "body",
                "withdrawn_reason",
                "pending_kind",
                "pending_headline",
                "pending_claim",
                "pending_summary",
                "pending_body",
                "pending_what",
                "pending_why")) {
            values.put(column, rs.getString(column));
        }
        for (String column : List.of(
                "id", "case_id", "unit_id", "drafted_by", "edited_by", "published_by", "withdrawn_by", "pending_by")) {
            values.put(column, rs.getObject(column, UUID.class));
        }
        for (String column : List.of("drafted_at", "published_at", "updated_at", "withdrawn_at", "pending_at")) {
            values.put(column, instantOrNull(rs, column));
        }
        values.put("version", rs.getLong("version"));
        return new Row(values);
    }

    private FactCheck load(Row row) {
        Map<String, @Nullable Object> v = row.values();
        UUID id = (UUID) v.get("id");
        Withdrawal withdrawal = v.get("withdrawn_reason") == null
                ? null
                : new Withdrawal((String) v.get("withdrawn_reason"), new UserId((UUID) v.get("withdrawn_by")), (Instant)
                        v.get("withdrawn_at"));
        Proposal proposal = null;
        if (v.get("pending_kind") != null) {
            Proposal.Kind kind = Proposal.Kind.valueOf((String) v.get("pending_kind"));
            proposal = new Proposal(
                    kind,
                    kind == Proposal.Kind.CORRECTION
                            ? new Article(
                                    (String) v.get("pending_headline"),
                                    (String) v.get("pending_claim"),
                                    (String) v.get("pending_summary"),
                                    (String) v.get("pending_body"))
                            : null,
                    (String) v.get("pending_what"),
                    (String) v.get("pending_why"),
                    new UserId((UUID) v.get("pending_by")),
                    (Instant) v.get("pending_at"));
        }
        List<String> topics = jdbc.sql("select topic from publishing_topic where fact_check_id = :id order by seq")
                .param("id", id)
                .query(String.class)
                .list();
        List<SourceLink> evidence = jdbc.sql(
                        "select title, url, summary from publishing_evidence where fact_check_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new SourceLink(rs.getString("title"), rs.getString("url"), rs.getString("summary")))
                .list();
        List<ItemId> items = jdbc.sql("select item_id from publishing_item where fact_check_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new ItemId(rs.getObject("item_id", UUID.class)))
                .list();
        List<Appearance> appearances = jdbc.sql(
                        "select url, platform, seen_at from publishing_appearance where fact_check_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new Appearance(
                        rs.getString("url"), Platform.valueOf(rs.getString("platform")), instantOrNull(rs, "seen_at")))
                .list();
        List<Correction> corrections = jdbc.sql(
                        "select * from publishing_correction where fact_check_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new Correction(
                        rs.getString("what"),
                        rs.getString("why"),
                        new UserId(rs.getObject("proposed_by", UUID.class)),
                        new UserId(rs.getObject("approved_by", UUID.class)),
                        instant(rs, "corrected_at")))
                .list();
        UUID publishedBy = (UUID) v.get("published_by");
        return new FactCheck(
                new FactCheckId(id),
                new CaseId((UUID) v.get("case_id")),
                new UnitId((UUID) v.get("unit_id")),
                (String) v.get("slug"),
                Language.fromCode((String) v.get("language")),
                FactCheckState.valueOf((String) v.get("state")),
                new Article((String) v.get("headline"), (String) v.get("claim"), (String) v.get("summary"), (String)
                        v.get("body")),
                Rating.valueOf((String) v.get("rating")),
                topics,
                evidence,
                items,
                appearances,
                new UserId((UUID) v.get("drafted_by")),
                (Instant) v.get("drafted_at"),
                new UserId((UUID) v.get("edited_by")),
                publishedBy == null ? null : new UserId(publishedBy),
                (Instant) v.get("published_at"),
                (Instant) v.get("updated_at"),
                withdrawal,
                proposal,
                corrections,
                (Long) v.get("version"));
    }
}
