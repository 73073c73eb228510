package org.factdesk.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.factdesk.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar factdesk.jar import --format csv|jsonl [--unit UNIT] FILE} imports exported posts into the
 * configured database (so the desk must not be running on an embedded H2 file at the same time). Starts the application
 * without a web port and without the scheduler, draws a progress bar on stderr, prints
 * {@code imported N, duplicates D, rejected R} on stdout, writes rejected rows to {@code FILE.errors.csv}, and waits
 * for the matching of the imported items before it prints the summary and exits (logs go to the console at WARN). Exit status: 0 when every row was read (rejected rows
 * included: they are in the report), 2 on a usage error or a file that cannot be read, 3 when the job failed half-way
 * (what was committed is kept; run the same command again to resume). Running it again on the same file resumes an
 * interrupted import or, when it finished, adds nothing and says so on stderr.
 */
public final class ImportCommand {

    public static final String NAME = "import";

    private ImportCommand() {}

    public static int main(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String format = null;
        String unit = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = i + 1 < args.length ? args[++i] : null;
                case "--unit" -> unit = i + 1 < args.length ? args[++i] : null;
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        return usage(err);
                    }
                    file = args[i];
                }
            }
        }
        if (format == null || file == null) {
            return usage(err);
        }
        ImportFormat importFormat;
        try {
            importFormat = ImportFormat.fromName(format);
        } catch (DomainException unknown) {
            return usage(err);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            err.println("cannot read " + path);
            return 2;
        }
        // Stdout carries the summary line alone (scripts read it): the application's console log goes to stderr.
        PrintStream console = System.out;
        System.setOut(err);
        try {
            return run(application, path, importFormat, unit, out, err);
        } finally {
            System.setOut(console);
        }
    }

    private static int run(
            Class<?> application,
            Path path,
            ImportFormat importFormat,
            @Nullable String unit,
            PrintStream out,
            PrintStream err) {
        String file = path.toString();
        SpringApplication spring = new SpringApplication(application);
        spring.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = spring.run(
                "--server.port=-1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--factdesk.scheduler.enabled=false")) {
            ImportManagement imports = context.getBean(ImportManagement.class);
            MessageSource messages = context.getBean(MessageSource.class);
            ProgressBar bar = new ProgressBar(err);
            ImportManagement.Started started;
            try {
                started = imports.importFile(path, importFormat, unit, bar::show);
            } catch (DomainException refused) {
                bar.end();
                err.println(message(messages, refused.messageKey(), refused.arguments()));
                return 2;
            }
            bar.end();
            if (!started.alreadyDone()) {
                err.println("matching the imported items…");
                imports.awaitFollowUps(java.time.Duration.ofMinutes(30));
            }
            ImportJob job = started.job();
            if (started.alreadyDone()) {
                err.println("already imported on " + job.finishedAt() + " as job " + job.id() + ": " + job.summary());
                out.println("imported 0, duplicates 0, rejected 0");
                return 0;
            }
            out.println(job.summary());
            if (job.rejected() > 0) {
                Path report = Path.of(file + ".errors.csv");
                try (Writer writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                    imports.writeErrorReport(job.id(), Locale.ENGLISH, writer);
                    err.println("rejected rows with their line numbers: " + report);
                } catch (IOException failed) {
                    err.println("cannot write " + report + ": " + failed.getMessage());
                }
            }
            if (job.state() == ImportState.FAILED) {
                err.println(message(messages, job.failure() == null ? "imports.error.io" : job.failure(), new Object[] {
                    job.failureDetail() == null ? "" : job.failureDetail()
                }));
                return 3;
            }
            return 0;
        }
    }

    private static String message(MessageSource messages, String key, Object @Nullable [] arguments) {
        return messages.getMessage(key, arguments, key, Locale.ENGLISH);
    }

    private static int usage(PrintStream err) {
        err.println("usage: " + NAME + " --format csv|jsonl [--unit UNIT] FILE");
        err.println("  FILE: exported posts, columns as in the README (url, platform, text, published_at, ...)");
        err.println("  --unit: the unit's name or id; default: the installation's first unit");
        return 2;
    }

    /** A bar redrawn in place on the terminal, at most five times a second. */
    static final class ProgressBar {

        private static final int WIDTH = 30;
        private final PrintStream err;
        private long drawnAt;
        private boolean drawn;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        void show(ImportJob job) {
            long now = System.nanoTime();
            if (drawn && now - drawnAt < 200_000_000L && !job.finished()) {
                return;
            }
            drawnAt = now;
            drawn = true;
            int filled = job.percent() * WIDTH / 100;
            err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + job.percent() + "% "
                    + job.rowsRead() + " rows (" + job.summary() + ")");
            err.flush();
        }

        void end() {
            if (drawn) {
                err.println();
            }
        }
    }
}
