package org.factdesk.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.factdesk.imports.ImportExceptions.ConcurrentImport;
import org.factdesk.imports.ImportExceptions.ImportNotFound;
import org.factdesk.imports.ImportExceptions.InvalidImport;
import org.factdesk.imports.ImportFormat;
import org.factdesk.imports.ImportId;
import org.factdesk.imports.ImportJob;
import org.factdesk.imports.ImportProperties;
import org.factdesk.imports.ImportState;
import org.factdesk.imports.internal.SourceRecord.Problem;
import org.factdesk.intake.BatchOutcome;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.IntakeProperties;
import org.factdesk.intake.SubmitItem;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import job from its checkpoint to the end of its file: reads rows one at a time, and for each batch of
 * {@link ImportProperties#batchSize()} rows, in ONE transaction, hands the good rows to intake
 * ({@link IntakeManagement#submitBatch}), records the rejected ones and the attributes, and moves the checkpoint. The
 * rows of the next batch are read and checked by intake on a second thread meanwhile ({@link CheckedBatches}); the
 * batches are stored one after the other, in the file's order, by the thread that called {@link #run}.
 *
 * <p>Why this is idempotent and resumable: a batch and the checkpoint after it commit together or not at all, so after
 * a kill the job's checkpoint is exactly the end of its last committed batch, and running it again reads from there
 * (seeking to the byte offset; the CSV header is read again from the start). No row is skipped and none counted twice.
 * The checkpoint moves with a conditional update from the offset this run read it at: when two runs of one job
 * overlap, the second to commit a batch rolls it back and stops ({@link ConcurrentImport}). Should anything still redo
 * a row, intake's URL and text keys recognise it. A file is known by its SHA-256: a finished one is not read again.
 *
 * <p>One exception to "all or nothing": the embedded H2 database can keep part of a commit when the process is killed
 * while H2 writes to disk (h2database issue 2080). A run therefore first deletes the job's own rows past its checkpoint
 * ({@link ImportJobs#dropBeyondCheckpoint}), so the job still finishes; the items of that batch are then recognised as
 * duplicates of themselves. PostgreSQL has no such case.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final IntakeManagement intake;
    private final ImportJobs jobs;
    private final ImportProperties properties;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final PostColumns columns;
    private final int maxRecordChars;
    private final Clock clock;

    ImportRunner(
            IntakeManagement intake,
            ImportJobs jobs,
            ImportProperties properties,
            IntakeProperties intakeProperties,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            Clock clock,
            @Value("${factdesk.time-zone:Asia/Ho_Chi_Minh}") String timeZone) {
        this.intake = intake;
        this.jobs = jobs;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
        this.columns = new PostColumns(ZoneId.of(timeZone), intakeProperties.maxTextLength());
        // A row holds its text and a few short fields; a quoted field longer than this never closed.
        this.maxRecordChars = intakeProperties.maxTextLength() * 2 + 10_000;
    }

    /**
     * Checks that the file can be read as {@code format}: a CSV file needs a header naming a {@code platform} column
     * and a {@code text} or {@code url} column, each name once, in valid UTF-8.
     *
     * @throws InvalidImport when it cannot
     */
    public void check(Path file, ImportFormat format) {
        try (RecordSource source = open(file, format, 1, 0)) {
            // the header was read and checked by open
        } catch (IOException unreadable) {
            throw new InvalidImport("imports.error.unreadable", file.getFileName(), unreadable.getMessage());
        }
    }

    /**
     * Runs the job from its checkpoint to the end of {@code file} (a finished job is returned as it is, a failed one
     * runs again), telling {@code progress} after each committed batch.
     */
    public ImportJob run(ImportId id, Path file, Consumer<ImportJob> progress) {
        ImportJobs.StoredJob stored = jobs.find(id).orElseThrow(() -> new ImportNotFound(id));
        if (stored.job().state() == ImportState.DONE) {
            return stored.job();
        }
        if (stored.job().state() == ImportState.FAILED) {
            jobs.reopen(id, clock.instant());
            stored = jobs.find(id).orElseThrow();
        }
        ImportJob job = stored.job();
        int torn = jobs.dropBeyondCheckpoint(id);
        if (torn > 0) {
            log.warn(
                    "Import {}: {} rows past the checkpoint (line {}) were kept by the database without their batch's"
                            + " checkpoint, after an unclean stop; they are read again. Their items may count as"
                            + " duplicates of themselves.",
                    id,
                    torn,
                    job.nextLine());
        }
        progress.accept(job);
        try (CheckedBatches batches = new CheckedBatches(
                open(file, job.format(), job.nextLine(), job.nextOffset()), job, stored.startedBy())) {
            long offset = job.nextOffset();
            for (Checked batch = batches.next(); batch != null; batch = batches.next()) {
                offset = commit(stored, offset, batch);
                progress.accept(jobs.find(id).orElseThrow().job());
            }
            jobs.finish(id, ImportState.DONE, null, null, clock.instant());
        } catch (InvalidImport refused) {
            jobs.finish(id, ImportState.FAILED, refused.messageKey(), String.join(" ", args(refused)), clock.instant());
        } catch (NoSuchFileException missing) {
            jobs.finish(id, ImportState.FAILED, "imports.error.missing", file.toString(), clock.instant());
        } catch (IOException unreadable) {
            log.warn("Import {} stopped: {} could not be read", id, file, unreadable);
            jobs.finish(id, ImportState.FAILED, "imports.error.io", unreadable.getMessage(), clock.instant());
        }
        ImportJob done = jobs.find(id).orElseThrow().job();
        progress.accept(done);
        return done;
    }

    /**
     * A batch of rows read, mapped and checked by intake, ready to store: the rows refused by their columns or by
     * intake's checks so far, and the submissions with their rows and kept attributes.
     */
    private record Checked(
            List<SourceRecord> rows,
            List<Problem> problems,
            List<SourceRecord> submitted,
            List<Map<String, String>> attributes,
            IntakeManagement.CheckedBatch submissions) {}

    /**
     * Reads, maps and checks the batches of a file on a thread of its own, one batch ahead of the thread that stores
     * them: checking a batch (validating, detecting the language, hashing and fingerprinting its texts) needs no
     * database, and was a sixth of the storing thread's time. What the reader meets (an unreadable file, a refused
     * row format) comes out of {@link #next} in the batch's place, so the import stops exactly as a single thread
     * would: after the batches before it. Closing stops the reader and closes the file.
     */
    private final class CheckedBatches implements AutoCloseable {
        private static final Object END = new Object();

        private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(1);
        private final Thread reader;
        private volatile boolean closed;

        CheckedBatches(RecordSource source, ImportJob job, @Nullable UserId startedBy) {
            this.reader = new Thread(
                    () -> read(source, job, startedBy),
                    "import-reader-" + job.id().value());
            reader.setDaemon(true);
            reader.start();
        }

        private void read(RecordSource source, ImportJob job, @Nullable UserId startedBy) {
            Object last = END;
            try (source) {
                List<SourceRecord> batch = new ArrayList<>(properties.batchSize());
                boolean end = false;
                while (!end) {
                    SourceRecord record = source.next();
                    if (record != null) {
                        batch.add(record);
                    }
                    end = record == null;
                    if (batch.size() == properties.batchSize() || (end && !batch.isEmpty())) {
                        if (!hand(check(job, startedBy, batch))) {
                            return;
                        }
                        batch = new ArrayList<>(properties.batchSize());
                    }
                }
            } catch (Throwable failure) {
                last = failure;
            }
            hand(last);
        }

        /** Hands a batch, the end or a failure to the storing thread; false once it has stopped taking them. */
        private boolean hand(Object next) {
            try {
                while (!closed) {
                    if (ready.offer(next, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        /** The next batch; null at the end of the file. */
        @Nullable
        Checked next() throws IOException {
            Object next;
            try {
                next = ready.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the import file", interrupted);
            }
            if (next instanceof IOException failure) {
                throw failure;
            }
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            if (next instanceof Error failure) {
                throw failure;
            }
            return next == END ? null : (Checked) next;
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Checked check(ImportJob job, @Nullable UserId startedBy, List<SourceRecord> batch) {
        List<Problem> problems = new ArrayList<>();
        List<SubmitItem> submissions = new ArrayList<>();
        List<SourceRecord> submitted = new ArrayList<>();
        List<Map<String, String>> attributes = new ArrayList<>();
        for (SourceRecord record : batch) {
            if (record.problem() != null) {
                problems.add(record.problem());
                continue;
            }
            Map<String, String> fields = java.util.Objects.requireNonNull(record.fields());
            PostColumns.Mapped mapped = columns.map(job.unit(), record.line(), fields, excerpt(fields));
            if (mapped.problem() != null) {
                problems.add(mapped.problem());
            } else {
                PostColumns.Post post = java.util.Objects.requireNonNull(mapped.post());
                submissions.add(post.submission());
                attributes.add(post.attributes());
                submitted.add(record);
            }
        }
        return new Checked(
                batch, problems, submitted, attributes, intake.checkBatch(job.unit(), startedBy, submissions));
    }

    private static List<String> args(InvalidImport refused) {
        return java.util.Arrays.stream(refused.arguments()).map(String::valueOf).toList();
    }

    /** Commits one batch with the checkpoint after it; returns the new offset. */
    private long commit(ImportJobs.StoredJob stored, long fromOffset, Checked batch) {
        try {
            return commitOnce(stored, fromOffset, batch);
        } catch (DuplicateKeyException race) {
            // A submission of the same content committed while the batch was being written: again, it is a duplicate.
            return commitOnce(stored, fromOffset, batch);
        }
    }

    private long commitOnce(ImportJobs.StoredJob stored, long fromOffset, Checked batch) {
        ImportJob job = stored.job();
        SourceRecord last = batch.rows().get(batch.rows().size() - 1);
        return transactions.execute(status -> {
            List<Problem> problems = new ArrayList<>(batch.problems());
            List<BatchOutcome> outcomes = intake.submitBatch(batch.submissions());
            long imported = 0;
            long duplicates = 0;
            List<Object[]> kept = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                BatchOutcome outcome = outcomes.get(i);
                SourceRecord record = batch.submitted().get(i);
                if (outcome.refusal() != null) {
                    problems.add(new Problem(
                            record.line(),
                            columnOf(outcome.refusal().messageKey()),
                            outcome.refusal().messageKey(),
                            java.util.Arrays.stream(outcome.refusal().arguments())
                                    .map(String::valueOf)
                                    .toList(),
                            Problem.excerpt(excerpt(java.util.Objects.requireNonNull(record.fields())))));
                    continue;
                }
                if (outcome.duplicate()) {
                    duplicates++;
                } else {
                    imported++;
                }
                if (!batch.attributes().get(i).isEmpty()) {
                    kept.add(new Object[] {
                        record.line(),
                        outcome.item(),
                        json.writeValueAsString(batch.attributes().get(i))
                    });
                }
            }
            jobs.insertRejections(job.id(), problems);
            jobs.insertAttributes(job.id(), kept);
            ImportJobs.BatchCounts counts =
                    new ImportJobs.BatchCounts(batch.rows().size(), imported, duplicates, problems.size());
            if (!jobs.advance(job.id(), fromOffset, last.nextLine(), last.nextOffset(), counts, clock.instant())) {
                throw new ConcurrentImport(job.id());
            }
            return last.nextOffset();
        });
    }

    private static String excerpt(Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = PostColumns.normalize(field.getKey());
            if ((name.equals("text") || name.equals("url"))
                    && field.getValue() != null
                    && !field.getValue().isBlank()) {
                return field.getValue();
            }
        }
        return "";
    }

    private static String columnOf(String intakeKey) {
        return switch (intakeKey) {
            case "intake.error.invalid-url" -> "url";
            case "intake.error.text-too-long" -> "text";
            case "intake.error.title-too-long" -> "title";
            case "intake.error.seen-in-future" -> "published_at";
            default -> "";
        };
    }

    /**
     * Opens {@code file} at the checkpoint (line {@code nextLine} at byte {@code nextOffset}); a CSV file's header is
     * read and checked first, from the start of the file.
     */
    RecordSource open(Path file, ImportFormat format, long nextLine, long nextOffset) throws IOException {
        if (format == ImportFormat.JSONL) {
            return new JsonlRecords(lines(file, nextOffset, nextLine), json);
        }
        Utf8Lines headerLines = lines(file, 0, 1);
        CsvRecords headerReader = new CsvRecords(headerLines, List.of(), maxRecordChars);
        CsvRecords.Parsed parsed = headerReader.parse();
        if (parsed == null) {
            headerLines.close();
            throw new InvalidImport("imports.error.empty");
        }
        List<String> header = checkHeader(parsed);
        Utf8Lines.Line last = parsed.lines().get(parsed.lines().size() - 1);
        if (nextOffset <= last.endOffset()) {
            return new CsvRecords(headerLines, header, maxRecordChars);
        }
        headerLines.close();
        return new CsvRecords(lines(file, nextOffset, nextLine), header, maxRecordChars);
    }

    private static List<String> checkHeader(CsvRecords.Parsed parsed) {
        String first = parsed.lines().get(0).text().strip();
        if (first.startsWith("{")) {
            // A JSONL file sent as CSV: say so rather than that the header is unreadable.
            throw new InvalidImport("imports.error.header-looks-jsonl");
        }
        if (parsed.fields() == null || parsed.lines().stream().anyMatch(Utf8Lines.Line::malformed)) {
            throw new InvalidImport("imports.error.header");
        }
        List<String> header = parsed.fields();
        if (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))) {
            // Spreadsheets set to Vietnamese (and most of Europe) save CSV with semicolons.
            throw new InvalidImport("imports.error.header-separator");
        }
        Set<String> names = new HashSet<>();
        for (String column : header) {
            String name = PostColumns.normalize(column);
            if (name.isEmpty() || !names.add(name)) {
                throw new InvalidImport("imports.error.header-duplicate", column);
            }
        }
        if (!names.contains("platform") || !(names.contains("text") || names.contains("url"))) {
            throw new InvalidImport("imports.error.header-columns");
        }
        return header;
    }

    private Utf8Lines lines(Path file, long offset, long line) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException shorter) {
            in.close();
            throw new InvalidImport("imports.error.changed", file.getFileName());
        }
        return new Utf8Lines(in, offset, line, properties.maxLineBytes());
    }
}
