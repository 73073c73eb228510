package org.factdesk.imports;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.factdesk.imports.ImportExceptions.ImportNotFound;
import org.factdesk.imports.ImportExceptions.InvalidImport;
import org.factdesk.imports.internal.ImportJobs;
import org.factdesk.imports.internal.ImportRunner;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.DataDirectory;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports' API: bulk imports of exported social posts (CSV or JSONL, columns in the README) into intake, from the
 * upload page (run in the background by the scheduler, which also resumes it after a crash) or from the command line
 * ({@link ImportCommand}, run in the caller's thread). A file is one job, known by its SHA-256: importing it again
 * resumes it when it was interrupted and adds nothing when it was finished. Rows become intake items exactly as items
 * logged one by one (duplicates, near-duplicate clusters, matching); see {@link ImportRunner} for how a job commits.
 *
 * <p>Importing needs the CHECKER role in the unit the items are logged for, like logging one item: an import is the
 * same act on many items, and a checker is who logs what the desk sees. The command line is trusted like the
 * database's owner.
 */
@Service
public class ImportManagement {

    static final String TASK = "imports-run";

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final NetworkManagement network;
    private final DataDirectory data;
    private final ImportProperties properties;
    private final ObjectProvider<Scheduler> scheduler;
    private final OneTimeTask<String> task;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    ImportManagement(
            ImportJobs jobs,
            ImportRunner runner,
            NetworkManagement network,
            DataDirectory data,
            ImportProperties properties,
            ObjectProvider<Scheduler> scheduler,
            OneTimeTask<String> importTask,
            MessageSource messages,
            JsonMapper json,
            Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.network = network;
        this.data = data;
        this.properties = properties;
        this.scheduler = scheduler;
        this.task = importTask;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** A job and whether it had been finished before this call (the same file imported again). */
    public record Started(ImportJob job, boolean alreadyDone) {}

    /**
     * Stores an uploaded file under the data directory (streamed to disk while its SHA-256 is computed, never held in
     * memory), checks its header, and starts its job in the background; the same file uploaded again returns its
     * job, resumed when it was interrupted.
     *
     * @throws InvalidImport when the file is empty, larger than allowed or has no usable header
     * @throws Forbidden when the actor is not a checker of {@code unit}
     */
    public Started upload(CurrentUser actor, UnitId unit, ImportFormat format, String fileName, InputStream content) {
        if (!actor.hasRole(unit, Role.CHECKER)) {
            throw new Forbidden("imports.error.not-checker");
        }
        network.unit(unit);
        Path directory = data.resolve("imports");
        Path part = directory.resolve("upload-" + UUID.randomUUID() + ".part");
        String sha256;
        long size;
        try {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(content, digest);
                    OutputStream out = Files.newOutputStream(part)) {
                size = copy(in, out, properties.maxUploadBytes());
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        } catch (IOException failed) {
            deleteQuietly(part);
            throw new InvalidImport("imports.error.upload", failed.getMessage());
        } catch (InvalidImport tooLarge) {
            deleteQuietly(part);
            throw tooLarge;
        }
        if (size == 0) {
            deleteQuietly(part);
            throw new InvalidImport("imports.error.empty");
        }
        Optional<ImportJobs.StoredJob> existing = jobs.findBySha256(unit, sha256);
        Path stored = directory.resolve(sha256 + "." + format.extension());
        if (existing.isPresent()) {
            ImportJob job = existing.get().job();
            if (job.state() != ImportState.DONE && existing.get().storedPath() == null) {
                // Started on the command line and interrupted: the upload lets the desk finish it.
                try {
                    Files.move(part, stored, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException failed) {
                    deleteQuietly(part);
                    throw new InvalidImport("imports.error.upload", failed.getMessage());
                }
                jobs.storedAt(job.id(), stored.toString());
            } else {
                deleteQuietly(part);
            }
            if (job.state() != ImportState.DONE) {
                schedule(job.id());
            }
            return new Started(job, job.state() == ImportState.DONE);
        }
        try {
            Files.move(part, stored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            deleteQuietly(part);
            throw new InvalidImport("imports.error.upload", failed.getMessage());
        }
        try {
            runner.check(stored, format);
        } catch (InvalidImport refused) {
            deleteQuietly(stored);
            throw refused;
        }
        ImportJob job = newJob(sha256, format, unit, clean(fileName), size);
        jobs.insert(job, stored.toString(), actor.id());
        schedule(job.id());
        return new Started(job, false);
    }

    /**
     * Imports a file from the command line in the calling thread: a new file starts a job, an interrupted one resumes
     * from its checkpoint, a finished one is returned untouched. Without {@code unit} (an id or a name) the items are
     * logged for the installation's first unit.
     *
     * @throws InvalidImport when the file cannot be read or has no usable header, or the unit is unknown
     */
    public Started importFile(Path file, ImportFormat format, @Nullable String unit, Consumer<ImportJob> progress) {
        String sha256;
        long size;
        try {
            size = Files.size(file);
            sha256 = sha256(file);
        } catch (IOException unreadable) {
            throw new InvalidImport("imports.error.unreadable", file, String.valueOf(unreadable.getMessage()));
        }
        UnitId target = unitFor(unit);
        Optional<ImportJobs.StoredJob> existing = jobs.findBySha256(target, sha256);
        if (existing.isPresent() && existing.get().job().state() == ImportState.DONE) {
            return new Started(existing.get().job(), true);
        }
        runner.check(file, format);
        ImportJob job;
        if (existing.isPresent()) {
            job = existing.get().job();
        } else {
            job = newJob(sha256, format, target, clean(file.getFileName().toString()), size);
            jobs.insert(job, null, null);
        }
        return new Started(runner.run(job.id(), file, progress), false);
    }

    /**
     * Waits until the listeners of the events published so far (the matching of imported batches) are done, or
     * {@code timeout} passed; returns whether they are. The command line calls it before it stops, so that its items
     * are matched before the summary is printed rather than at the desk's next start.
     */
    public boolean awaitFollowUps(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jobs.pendingEvents() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Runs an uploaded job (the scheduler's task calls this); finished jobs are left as they are. */
    public ImportJob runUploaded(ImportId id) {
        ImportJobs.StoredJob stored = jobs.find(id).orElseThrow(() -> new ImportNotFound(id));
        if (stored.storedPath() == null) {
            throw new IllegalStateException("Import " + id + " came from the command line; run it there again");
        }
        return runner.run(id, Path.of(stored.storedPath()), job -> {});
    }

    @Transactional(readOnly = true)
    public ImportJob job(ImportId id) {
        return jobs.find(id).map(ImportJobs.StoredJob::job).orElseThrow(() -> new ImportNotFound(id));
    }

    /** The latest jobs, newest first. */
    @Transactional(readOnly = true)
    public List<ImportJob> recent(int limit) {
        return jobs.recent(Math.max(1, Math.min(limit, 100)));
    }

    /** The units where this user may import, by name. */
    public List<Unit> unitsForImport(CurrentUser actor) {
        return network.units().stream()
                .filter(unit -> actor.hasRole(unit.id(), Role.CHECKER))
                .sorted(Comparator.comparing(Unit::name))
                .toList();
    }

    /**
     * Writes the rejected rows of a job as CSV ({@code line,column,reason,excerpt}, a header row first), the reasons
     * in {@code locale}. Streamed from the database: a report of many rows is never held.
     */
    @Transactional(readOnly = true)
    public void writeErrorReport(ImportId id, Locale locale, Writer out) {
        job(id);
        try {
            out.write("line,column,reason,excerpt\r\n");
            jobs.rejections(id, rejection -> {
                Object[] arguments = rejection.arguments().stream()
                        .map(argument -> argument.matches("-?\\d{1,18}") ? (Object) Long.valueOf(argument) : argument)
                        .toArray();
                String reason = messages.getMessage(rejection.reason(), arguments, rejection.reason(), locale);
                try {
                    out.write(rejection.line() + "," + csv(rejection.column()) + "," + csv(reason) + ","
                            + csv(rejection.excerpt()) + "\r\n");
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            out.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The extra columns kept for an item, one map per imported row it came from (or duplicated), oldest first. */
    @Transactional(readOnly = true)
    public List<Map<String, String>> attributesOf(ItemId item) {
        return importedRowsOf(item).stream().map(ImportedRow::attributes).toList();
    }

    /** The imported rows with extra columns that an item came from (or that repeated it), oldest import first. */
    @Transactional(readOnly = true)
    public List<ImportedRow> importedRowsOf(ItemId item) {
        return jobs.attributesOf(item).stream()
                .map(row -> new ImportedRow(
                        row.job(),
                        row.fileName(),
                        row.importedAt(),
                        row.line(),
                        json.readValue(row.attributes(), new TypeReference<LinkedHashMap<String, String>>() {})))
                .toList();
    }

    private void schedule(ImportId id) {
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            throw new IllegalStateException("The scheduler is off: uploaded imports cannot run");
        }
        running.scheduleIfNotExists(task.instance(id.toString(), id.toString()), clock.instant());
    }

    private ImportJob newJob(String sha256, ImportFormat format, UnitId unit, String fileName, long size) {
        var now = clock.instant();
        return new ImportJob(
                ImportId.random(),
                sha256,
                format,
                unit,
                fileName,
                size,
                ImportState.RUNNING,
                1,
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                now,
                now,
                null);
    }

    private UnitId unitFor(@Nullable String unit) {
        List<Unit> units = network.units();
        if (unit == null || unit.isBlank()) {
            return units.stream()
                    .min(Comparator.comparing(Unit::createdAt).thenComparing(Unit::name))
                    .map(Unit::id)
                    .orElseThrow(() -> new InvalidImport("imports.error.no-unit"));
        }
        return units.stream()
                .filter(candidate -> candidate.id().toString().equalsIgnoreCase(unit.strip())
                        || candidate.name().equalsIgnoreCase(unit.strip()))
                .findFirst()
                .map(Unit::id)
                .orElseThrow(() -> new InvalidImport("imports.error.unit", unit));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", missing);
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > limit) {
                throw new InvalidImport("imports.error.too-large", limit / (1024 * 1024));
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static String clean(String fileName) {
        String name = Path.of(fileName.replace('\\', '/')).getFileName() == null
                ? "upload"
                : fileName.replace('\\', '/').replaceAll(".*/", "");
        name = name.replaceAll("\\p{Cc}", "").strip();
        if (name.isEmpty()) {
            name = "upload";
        }
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    private static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        // A spreadsheet would run a cell starting with these as a formula.
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover part file is harmless; the next upload writes another name
        }
    }
}
