package org.factdesk.platformreports;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.platformreports.PlatformReportExceptions.ConcurrentReportChange;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores {@link PlatformReport} aggregates: the report row with its current status (for lists, figures and the
 * NO_RESPONSE sweep) and its timeline, one row per step. A save checks the version read, appends the steps added since,
 * and publishes the registered events, in one transaction.
 */
@Repository
class PlatformReports {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PlatformReports(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Stores the report and publishes its events.
     *
     * @throws ConcurrentReportChange when the stored report changed since {@code report} was read
     */
    @Transactional
    void save(PlatformReport report) {
        long newVersion = report.version() + 1;
        int storedSteps;
        if (report.isNew()) {
            jdbc.sql("""
                            insert into platformreports_report (id, item_id, unit_id, platform, policy_code, reference,
                                justification, fact_check_url, submitted_by, submitted_at, recorded_at, status,
                                action_taken, status_at, outcome_at, version)
                            values (:id, :item, :unit, :platform, :policy, :reference, :justification, :factCheckUrl,
                                :submittedBy, :submittedAt, :recordedAt, :status, :action, :statusAt, :outcomeAt,
                                :newVersion)
                            """)
                    .params(currentState(report))
                    .param("item", report.item().value())
                    .param("unit", report.unit().value())
                    .param("platform", report.platform().name())
                    .param("policy", report.policy())
                    .param("reference", report.reference())
                    .param("justification", report.justification())
                    .param("factCheckUrl", report.factCheckUrl())
                    .param("submittedBy", report.submittedBy().value())
                    .param("submittedAt", toDb(report.submittedAt()))
                    .param("recordedAt", toDb(report.recordedAt()))
                    .param("newVersion", newVersion)
                    .update();
            storedSteps = 0;
        } else {
            int updated = jdbc.sql("""
                            update platformreports_report
                            set status = :status, action_taken = :action, status_at = :statusAt,
                                outcome_at = :outcomeAt, version = :newVersion
                            where id = :id and version = :version
                            """)
                    .params(currentState(report))
                    .param("newVersion", newVersion)
                    .param("version", report.version())
                    .update();
            if (updated != 1) {
                throw new ConcurrentReportChange(report.id());
            }
            storedSteps = jdbc.sql("select count(*) from platformreports_step where report_id = :id")
                    .param("id", report.id().value())
                    .query(Integer.class)
                    .single();
        }
        List<ReportStep> steps = report.steps();
        for (int seq = storedSteps; seq < steps.size(); seq++) {
            ReportStep step = steps.get(seq);
            jdbc.sql("""
                            insert into platformreports_step (report_id, seq, status, action_taken, happened_at, note,
                                recorded_by, recorded_at)
                            values (:report, :seq, :status, :action, :at, :note, :by, :recordedAt)
                            """)
                    .param("report", report.id().value())
                    .param("seq", seq)
                    .param("status", step.status().name())
                    .param(
                            "action",
                            step.action() == null ? null : step.action().name())
                    .param("at", toDb(step.at()))
                    .param("note", step.note())
                    .param(
                            "by",
                            step.recordedBy() == null ? null : step.recordedBy().value())
                    .param("recordedAt", toDb(step.recordedAt()))
                    .update();
        }
        report.events().forEach(events::publishEvent);
        report.saved(newVersion);
    }

    private static Map<String, Object> currentState(PlatformReport report) {
        Map<String, Object> state = new HashMap<>();
        state.put("id", report.id().value());
        state.put("status", report.status().name());
        state.put("action", report.action() == null ? null : report.action().name());
        state.put("statusAt", toDb(report.lastStep().at()));
        state.put("outcomeAt", toDb(report.outcomeAt().orElse(null)));
        return state;
    }

    @Transactional(readOnly = true)
    Optional<PlatformReport> find(PlatformReportId id) {
        List<PlatformReport> found = load("where r.id = :id", Map.of("id", id.value()));
        return found.stream().findFirst();
    }

    /** The item's reports, newest submission first. */
    @Transactional(readOnly = true)
    List<PlatformReport> ofItem(ItemId item) {
        return load("where r.item_id = :item", Map.of("item", item.value()));
    }

    /** Reports still waiting whose last step is older than {@code before}: due for NO_RESPONSE. */
    @Transactional(readOnly = true)
    List<PlatformReportId> waitingSince(Instant before, int limit) {
        return jdbc.sql("""
                        select id from platformreports_report
                        where status in ('SUBMITTED', 'ACKNOWLEDGED') and status_at < :before
                        order by status_at, id
                        limit :limit
                        """)
                .param("before", toDb(before))
                .param("limit", limit)
                .query((rs, row) -> new PlatformReportId(rs.getObject("id", UUID.class)))
                .list();
    }

    /** One page of reports matching the query (submission period given as instants), newest submission first. */
    @Transactional(readOnly = true)
    PageOf<ReportRow> page(ReportQuery query, @Nullable Instant from, @Nullable Instant until, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, from, until, params);
        long total = jdbc.sql("select count(*) from platformreports_report" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ReportRow> rows = jdbc.sql("select * from platformreports_report" + where
                        + " order by submitted_at desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(PlatformReports::row)
                .list();
        return new PageOf<>(rows, page, size, total);
    }

    /** Every report matching the query, for figures: only the columns figures need. */
    @Transactional(readOnly = true)
    List<ReportRow> all(ReportQuery query, @Nullable Instant from, @Nullable Instant until) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, from, until, params);
        return jdbc.sql("select * from platformreports_report" + where + " order by submitted_at, id")
                .params(params)
                .query(PlatformReports::row)
                .list();
    }

    private static String where(
            ReportQuery query, @Nullable Instant from, @Nullable Instant until, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.platform() != null) {
            conditions.add("platform = :platform");
            params.put("platform", query.platform().name());
        }
        if (query.status() != null) {
            conditions.add("status = :status");
            params.put("status", query.status().name());
        }
        if (query.unit() != null) {
            conditions.add("unit_id = :unit");
            params.put("unit", query.unit().value());
        }
        if (from != null) {
            conditions.add("submitted_at >= :from");
            params.put("from", toDb(from));
        }
        if (until != null) {
            conditions.add("submitted_at < :until");
            params.put("until", toDb(until));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** A report row without its timeline. */
    record ReportRow(
            PlatformReportId id,
            ItemId item,
            UnitId unit,
            Platform platform,
            String policy,
            @Nullable String reference,
            ReportStatus status,
            @Nullable ActionTaken action,
            Instant submittedAt,
            @Nullable Instant outcomeAt) {}

    private static ReportRow row(ResultSet rs, int row) throws SQLException {
        String action = rs.getString("action_taken");
        return new ReportRow(
                new PlatformReportId(rs.getObject("id", UUID.class)),
                new ItemId(rs.getObject("item_id", UUID.class)),
                new UnitId(rs.getObject("unit_id", UUID.class)),
                Platform.valueOf(rs.getString("platform")),
                rs.getString("policy_code"),
                rs.getString("reference"),
                ReportStatus.valueOf(rs.getString("status")),
                action == null ? null : ActionTaken.valueOf(action),
                instant(rs, "submitted_at"),
                instantOrNull(rs, "outcome_at"));
    }

    private List<PlatformReport> load(String where, Map<String, Object> params) {
        Map<UUID, List<ReportStep>> steps = new LinkedHashMap<>();
        jdbc.sql("select s.* from platformreports_step s join platformreports_report r on r.id = s.report_id " + where
                        + " order by s.report_id, s.seq")
                .params(params)
                .query(rs -> {
                    String action = rs.getString("action_taken");
                    UUID by = rs.getObject("recorded_by", UUID.class);
                    steps.computeIfAbsent(rs.getObject("report_id", UUID.class), id -> new ArrayList<>())
                            .add(new ReportStep(
                                    ReportStatus.valueOf(rs.getString("status")),
                                    action == null ? null : ActionTaken.valueOf(action),
                                    instant(rs, "happened_at"),
                                    rs.getString("note"),
                                    by == null ? null : new UserId(by),
                                    instant(rs, "recorded_at")));
                });
        return jdbc.sql("select r.* from platformreports_report r " + where + " order by r.submitted_at desc, r.id")
                .params(params)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new PlatformReport(
                            new PlatformReportId(id),
                            new ItemId(rs.getObject("item_id", UUID.class)),
                            new UnitId(rs.getObject("unit_id", UUID.class)),
                            Platform.valueOf(rs.getString("platform")),
                            rs.getString("policy_code"),
                            rs.getString("reference"),
                            rs.getString("justification"),
                            rs.getString("fact_check_url"),
                            new UserId(rs.getObject("submitted_by", UUID.class)),
                            instant(rs, "submitted_at"),
                            instant(rs, "recorded_at"),
                            steps.getOrDefault(id, List.of()),
                            rs.getLong("version"));
                })
                .list();
    }
}
