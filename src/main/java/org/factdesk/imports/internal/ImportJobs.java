package org.factdesk.imports.internal;

import static org.factdesk.shared.Timestamps.instant;
import static org.factdesk.shared.Timestamps.instantOrNull;
import static org.factdesk.shared.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.factdesk.imports.ImportFormat;
import org.factdesk.imports.ImportId;
import org.factdesk.imports.ImportJob;
import org.factdesk.imports.ImportState;
import org.factdesk.imports.internal.SourceRecord.Problem;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs with their checkpoints, rejected rows and the attributes of imported rows. */
@Repository
public class ImportJobs {

    /** Separates the arguments of a rejection in their column; it never occurs in a message argument. */
    static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ImportJobs(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A job with where its file is kept (uploads only). */
    public record StoredJob(
            ImportJob job,
            @Nullable String storedPath,
            @Nullable UserId startedBy) {}

    /** Counts of one committed batch. */
    public record BatchCounts(long rows, long imported, long duplicates, long rejected) {}

    /** One rejected row as stored. */
    public record Rejection(
            long line,
            @Nullable String column,
            String reason,
            List<String> arguments,
            @Nullable String excerpt) {}

    public void insert(ImportJob job, @Nullable String storedPath, @Nullable UserId startedBy) {
        jdbc.sql("""
                        insert into imports_job (id, sha256, format, unit_id, file_name, stored_path, size_bytes, state,
                            next_line, next_offset, rows_read, imported, duplicates, rejected, started_by, created_at,
                            updated_at)
                        values (:id, :sha256, :format, :unit, :fileName, :storedPath, :size, :state, :nextLine,
                            :nextOffset, :rowsRead, :imported, :duplicates, :rejected, :startedBy, :now, :now)
                        """)
                .param("id", job.id().value())
                .param("sha256", job.sha256())
                .param("format", job.format().name())
                .param("unit", job.unit().value())
                .param("fileName", job.fileName())
                .param("storedPath", storedPath)
                .param("size", job.sizeBytes())
                .param("state", job.state().name())
                .param("nextLine", job.nextLine())
                .param("nextOffset", job.nextOffset())
                .param("rowsRead", job.rowsRead())
                .param("imported", job.imported())
                .param("duplicates", job.duplicates())
                .param("rejected", job.rejected())
                .param("startedBy", startedBy == null ? null : startedBy.value())
                .param("now", toDb(job.createdAt()))
                .update();
    }

    public Optional<StoredJob> find(ImportId id) {
        return jdbc.sql("select * from imports_job where id = :id")
                .param("id", id.value())
                .query(ImportJobs::map)
                .optional();
    }

    /** The job of a file (known by its SHA-256) imported for a unit: the same file may be imported for each unit. */
    public Optional<StoredJob> findBySha256(UnitId unit, String sha256) {
        return jdbc.sql("select * from imports_job where unit_id = :unit and sha256 = :sha256")
                .param("unit", unit.value())
                .param("sha256", sha256)
                .query(ImportJobs::map)
                .optional();
    }

    public List<ImportJob> recent(int limit) {
        return jdbc
                .sql("select * from imports_job order by created_at desc, id limit :limit")
                .param("limit", limit)
                .query(ImportJobs::map)
                .list()
                .stream()
                .map(StoredJob::job)
                .toList();
    }

    /**
     * Deletes the job's rejected rows and attributes from its checkpoint on, and returns how many there were. There are
     * none unless the database kept part of a batch without the checkpoint after it: H2 can, when the process is
     * killed while it writes a commit to disk (its store is not atomic across tables, h2database issue 2080).
     * PostgreSQL never does. The checkpoint is read in the same statement, so rows of a batch that another run of the
     * job committed with its checkpoint are never touched.
     */
    public int dropBeyondCheckpoint(ImportId id) {
        int dropped = 0;
        for (String table : List.of("imports_item_attribute", "imports_error")) {
            dropped += jdbc.sql("delete from " + table + " where job_id = :id"
                            + " and line_no >= (select next_line from imports_job where id = :id)")
                    .param("id", id.value())
                    .update();
        }
        return dropped;
    }

    /**
     * Moves the checkpoint from {@code fromOffset} to after a committed batch and adds its counts; false when the
     * checkpoint is no longer at {@code fromOffset} (another run of the job committed meanwhile).
     */
    public boolean advance(
            ImportId id, long fromOffset, long nextLine, long nextOffset, BatchCounts counts, Instant now) {
        return jdbc.sql("""
                                update imports_job set next_line = :nextLine, next_offset = :nextOffset,
                                    rows_read = rows_read + :rows, imported = imported + :imported,
                                    duplicates = duplicates + :duplicates, rejected = rejected + :rejected,
                                    updated_at = :now
                                where id = :id and next_offset = :fromOffset and state = 'RUNNING'
                                """)
                        .param("nextLine", nextLine)
                        .param("nextOffset", nextOffset)
                        .param("rows", counts.rows())
                        .param("imported", counts.imported())
                        .param("duplicates", counts.duplicates())
                        .param("rejected", counts.rejected())
                        .param("now", toDb(now))
                        .param("id", id.value())
                        .param("fromOffset", fromOffset)
                        .update()
                == 1;
    }

    public void finish(ImportId id, ImportState state, @Nullable String failure, @Nullable String detail, Instant now) {
        jdbc.sql("""
                        update imports_job set state = :state, failure = :failure, failure_detail = :detail,
                            updated_at = :now, finished_at = :now
                        where id = :id
                        """)
                .param("state", state.name())
                .param("failure", failure)
                .param("detail", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
                .param("now", toDb(now))
                .param("id", id.value())
                .update();
    }

    /** Where the upload of a job's file is kept. */
    public void storedAt(ImportId id, String storedPath) {
        jdbc.sql("update imports_job set stored_path = :path where id = :id")
                .param("path", storedPath)
                .param("id", id.value())
                .update();
    }

    /** A failed job runs again from its checkpoint. */
    public void reopen(ImportId id, Instant now) {
        jdbc.sql("""
                        update imports_job set state = 'RUNNING', failure = null, failure_detail = null,
                            updated_at = :now, finished_at = null
                        where id = :id and state = 'FAILED'
                        """).param("now", toDb(now)).param("id", id.value()).update();
    }

    public void insertRejections(ImportId job, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Problem problem : problems) {
            rows.add(new Object[] {
                job.value(),
                problem.line(),
                problem.column(),
                problem.reason(),
                clip(String.join(SEPARATOR, problem.arguments()), 500),
                clip(problem.excerpt(), 200)
            });
        }
        batches.batchUpdate("""
                insert into imports_error (job_id, line_no, column_name, reason, arguments, excerpt)
                values (?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The attributes (a JSON object) of imported rows, each with the item the row became. */
    public void insertAttributes(ImportId job, List<Object[]> lineItemJson) {
        if (lineItemJson.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : lineItemJson) {
            rows.add(new Object[] {job.value(), row[0], ((ItemId) row[1]).value(), row[2]});
        }
        batches.batchUpdate(
                "insert into imports_item_attribute (job_id, line_no, item_id, attributes) values (?, ?, ?, ?)", rows);
    }

    /** The rejected rows of a job in line order, streamed to {@code each}. */
    public void rejections(ImportId job, Consumer<Rejection> each) {
        jdbc.sql("""
                        select line_no, column_name, reason, arguments, excerpt from imports_error
                        where job_id = :job order by line_no
                        """).param("job", job.value()).query(rs -> {
            String arguments = rs.getString("arguments");
            each.accept(new Rejection(
                    rs.getLong("line_no"),
                    rs.getString("column_name"),
                    rs.getString("reason"),
                    arguments == null || arguments.isEmpty()
                            ? List.of()
                            : Arrays.asList(arguments.split(SEPARATOR, -1)),
                    rs.getString("excerpt")));
        });
    }

    /**
     * How many events of the application's publication registry still wait for their listeners (the matching of
     * imported batches among them); the command line waits for none to be left before it stops.
     */
    public long pendingEvents() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    /** A row of an import that an item came from (or that repeated it), with its extra columns as JSON. */
    public record AttributeRow(ImportId job, String fileName, Instant importedAt, long line, String attributes) {}

    /** The rows with extra columns that an item came from, oldest import first. */
    public List<AttributeRow> attributesOf(ItemId item) {
        return jdbc.sql("""
                        select a.job_id, j.file_name, j.created_at, a.line_no, a.attributes
                        from imports_item_attribute a join imports_job j on j.id = a.job_id
                        where a.item_id = :item order by j.created_at, a.line_no
                        """)
                .param("item", item.value())
                .query((rs, row) -> new AttributeRow(
                        new ImportId(rs.getObject("job_id", UUID.class)),
                        rs.getString("file_name"),
                        instant(rs, "created_at"),
                        rs.getLong("line_no"),
                        rs.getString("attributes")))
                .list();
    }

    private static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    private static StoredJob map(ResultSet rs, int row) throws SQLException {
        return new StoredJob(
                new ImportJob(
                        new ImportId(rs.getObject("id", UUID.class)),
                        rs.getString("sha256"),
                        ImportFormat.valueOf(rs.getString("format")),
                        new UnitId(rs.getObject("unit_id", UUID.class)),
                        rs.getString("file_name"),
                        rs.getLong("size_bytes"),
                        ImportState.valueOf(rs.getString("state")),
                        rs.getLong("next_line"),
                        rs.getLong("next_offset"),
                        rs.getLong("rows_read"),
                        rs.getLong("imported"),
                        rs.getLong("duplicates"),
                        rs.getLong("rejected"),
                        rs.getString("failure"),
                        rs.getString("failure_detail"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at"),
                        instantOrNull(rs, "finished_at")),
                rs.getString("stored_path"),
                rs.getObject("started_by", UUID.class) == null
                        ? null
                        : new UserId(rs.getObject("started_by", UUID.class)));
    }
}
