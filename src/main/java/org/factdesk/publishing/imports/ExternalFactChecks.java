package org.factdesk.publishing.imports;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.ExternalFactCheck;
import org.factdesk.publishing.ExternalFactCheckId;
import org.factdesk.publishing.ExternalFactCheckImported;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores other organisations' fact-checks, one row per canonical URL: a record for a new URL is inserted, a record
 * that differs from the stored one replaces it (keeping its id), an equal one changes nothing. Inserts and changes
 * publish {@link ExternalFactCheckImported} in the same transaction.
 */
@Repository
public class ExternalFactChecks {

    /** What storing a record did. */
    public enum Outcome {
        IMPORTED,
        UPDATED,
        UNCHANGED
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ExternalFactChecks(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Outcome store(ClaimReviewRecord record, Instant now) {
        Optional<ExternalFactCheck> existing = findByUrl(record.url());
        ExternalFactCheck candidate = new ExternalFactCheck(
                existing.map(ExternalFactCheck::id).orElseGet(ExternalFactCheckId::random),
                record.url(),
                record.organisation(),
                record.organisationUrl(),
                record.claim(),
                record.rating(),
                record.ratingText(),
                record.ratingValue(),
                record.bestRating(),
                record.worstRating(),
                record.language(),
                record.publishedAt(),
                record.appearances(),
                record.firstAppearedAt(),
                existing.map(ExternalFactCheck::importedAt).orElse(now),
                now);
        if (existing.isPresent() && existing.get().sameContentAs(candidate)) {
            return Outcome.UNCHANGED;
        }
        Map<String, @Nullable Object> parameters = parameters(candidate);
        if (existing.isEmpty()) {
            jdbc.sql("""
                    insert into publishing_external_fact_check (
                        id, url, organisation, organisation_url, claim, rating, rating_text, rating_value,
                        best_rating, worst_rating, language, published_at, first_appeared_at, imported_at, updated_at)
                    values (
                        :id, :url, :organisation, :organisationUrl, :claim, :rating, :ratingText, :ratingValue,
                        :bestRating, :worstRating, :language, :publishedAt, :firstAppearedAt, :importedAt, :updatedAt)
                    """).params(parameters).update();
        } else {
            jdbc.sql("""
                    update publishing_external_fact_check set
                        organisation = :organisation, organisation_url = :organisationUrl, claim = :claim,
                        rating = :rating, rating_text = :ratingText, rating_value = :ratingValue,
                        best_rating = :bestRating, worst_rating = :worstRating, language = :language,
                        published_at = :publishedAt, first_appeared_at = :firstAppearedAt, updated_at = :updatedAt
                    where id = :id
                    """).params(parameters).update();
            jdbc.sql("delete from publishing_external_appearance where external_id = :id")
                    .param("id", candidate.id().value())
                    .update();
        }
        int seq = 0;
        for (String url : candidate.appearances()) {
            jdbc.sql("insert into publishing_external_appearance (external_id, seq, url) values (:id, :seq, :url)")
                    .param("id", candidate.id().value())
                    .param("seq", seq++)
                    .param("url", url)
                    .update();
        }
        events.publishEvent(new ExternalFactCheckImported(
                candidate.id(),
                candidate.url(),
                candidate.organisation(),
                candidate.claim(),
                candidate.rating(),
                candidate.ratingText(),
                candidate.language(),
                candidate.publishedAt(),
                existing.isPresent()));
        return existing.isPresent() ? Outcome.UPDATED : Outcome.IMPORTED;
    }

    @Transactional(readOnly = true)
    public Optional<ExternalFactCheck> findByUrl(String url) {
        return load(jdbc.sql("select * from publishing_external_fact_check where url = :url")
                        .param("url", url)
                        .query(this::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** Every external fact-check, oldest import first. */
    @Transactional(readOnly = true)
    public List<ExternalFactCheck> all() {
        return load(jdbc.sql("select * from publishing_external_fact_check order by imported_at, url")
                .query(this::row)
                .list());
    }

    /** The most recently imported or changed, newest first. */
    @Transactional(readOnly = true)
    public List<ExternalFactCheck> latest(int limit) {
        return load(jdbc.sql("select * from publishing_external_fact_check order by updated_at desc, url limit :limit")
                .param("limit", limit)
                .query(this::row)
                .list());
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from publishing_external_fact_check")
                .query(Long.class)
                .single();
    }

    private List<ExternalFactCheck> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> appearances = new HashMap<>();
        jdbc.sql("""
                select external_id, url from publishing_external_appearance
                where external_id in (:ids) order by external_id, seq
                """)
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> {
                    appearances
                            .computeIfAbsent(rs.getObject("external_id", UUID.class), key -> new ArrayList<>())
                            .add(rs.getString("url"));
                    return null;
                })
                .list();
        return rows.stream()
                .map(row -> row.with(appearances.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private Row row(ResultSet rs, int rowNum) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        ExternalFactCheck partial = new ExternalFactCheck(
                new ExternalFactCheckId(id),
                rs.getString("url"),
                rs.getString("organisation"),
                rs.getString("organisation_url"),
                rs.getString("claim"),
                Rating.valueOf(rs.getString("rating")),
                rs.getString("rating_text"),
                doubleOrNull(rs, "rating_value"),
                doubleOrNull(rs, "best_rating"),
                doubleOrNull(rs, "worst_rating"),
                Language.fromCode(rs.getString("language")),
                instantOrNull(rs, "published_at"),
                List.of(),
                instantOrNull(rs, "first_appeared_at"),
                instant(rs, "imported_at"),
                instant(rs, "updated_at"));
        return new Row(id, partial);
    }

    private static @Nullable Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Map<String, @Nullable Object> parameters(ExternalFactCheck fact) {
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("id", fact.id().value());
        parameters.put("url", fact.url());
        parameters.put("organisation", fact.organisation());
        parameters.put("organisationUrl", fact.organisationUrl());
        parameters.put("claim", fact.claim());
        parameters.put("rating", fact.rating().name());
        parameters.put("ratingText", fact.ratingText());
        parameters.put("ratingValue", fact.ratingValue());
        parameters.put("bestRating", fact.bestRating());
        parameters.put("worstRating", fact.worstRating());
        parameters.put("language", fact.language().code());
        parameters.put("publishedAt", toDb(fact.publishedAt()));
        parameters.put("firstAppearedAt", toDb(fact.firstAppearedAt()));
        parameters.put("importedAt", toDb(fact.importedAt()));
        parameters.put("updatedAt", toDb(fact.updatedAt()));
        return parameters;
    }

    private record Row(UUID id, ExternalFactCheck partial) {
        ExternalFactCheck with(List<String> appearances) {
            ExternalFactCheck p = partial;
            return new ExternalFactCheck(
                    p.id(),
                    p.url(),
                    p.organisation(),
                    p.organisationUrl(),
                    p.claim(),
                    p.rating(),
                    p.ratingText(),
                    p.ratingValue(),
                    p.bestRating(),
                    p.worstRating(),
                    p.language(),
                    p.publishedAt(),
                    appearances,
                    p.firstAppearedAt(),
                    p.importedAt(),
                    p.updatedAt());
        }
    }
}
