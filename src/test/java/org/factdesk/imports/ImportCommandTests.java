package org.factdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.factdesk.FactDeskApplication;
import org.factdesk.testing.TestDatabaseEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The command line, run as the operator runs it: a separate JVM on a file database (or a fresh PostgreSQL schema when
 * FACTDESK_TEST_DB_URL is set), killed with SIGKILL half-way through an import and run again.
 */
class ImportCommandTests {

    static final int ROWS = 6_000;
    static final int EVERY_NTH_DUPLICATE = 10;
    static final Pattern PROGRESS = Pattern.compile("(\\d+) rows \\(");

    @Test
    void anUnreadableFileExitsWithTwoBeforeStartingAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportCommand.main(
                FactDeskApplication.class,
                new String[] {"--format", "csv", "target/no-such-file.csv"},
                new PrintStream(out),
                new PrintStream(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read target/no-such-file.csv");
        assertThat(ImportCommand.main(
                        FactDeskApplication.class,
                        new String[] {"--format", "xml", "x.csv"},
                        new PrintStream(out),
                        new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("usage: import --format csv|jsonl [--unit UNIT] FILE");
    }

    @Test
    void anImportKilledHalfWayFinishesWhenRunAgainWithoutDuplicatesOrGaps() throws Exception {
        Killed killed = killHalfWay();
        for (int attempt = 2; killed.torn() && attempt <= 3; attempt++) {
            // H2 only (h2database issue 2080): a kill while H2 writes to disk can keep part of a commit. The runner
            // repairs the job (ImportTests.rowsPastTheCheckpointAreDroppedAndReadAgainSoTheJobFinishes), but its
            // items then count twice, so this exact check starts again on a fresh database. About 1 run in 20 or more.
            System.err.println("H2 kept part of a batch past the checkpoint at the kill; attempt " + attempt);
            killed = killHalfWay();
        }
        assertThat(killed.torn()).as("rows past the checkpoint after the kill").isFalse();
        Database database = killed.database();
        Path dir = killed.dir();
        Path file = killed.file();
        int duplicates = killed.duplicates();

        // Second run: resumes from the checkpoint and finishes.
        Process second = start(database, dir, file);
        StringBuffer errors = new StringBuffer();
        Thread secondReader = watch(second.getErrorStream(), new AtomicLong(), errors);
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
        secondReader.join(5_000);
        assertThat(second.exitValue()).as(errors.toString()).isZero();
        assertThat(out.lines().toList())
                .containsExactly("imported " + (ROWS - duplicates) + ", duplicates " + duplicates + ", rejected 0");

        try (Connection db = database.connect()) {
            assertThat(single(db, "select rows_read from imports_job")).isEqualTo(ROWS);
            assertThat(single(db, "select count(*) from imports_job where state = 'DONE'"))
                    .isEqualTo(1);
            assertThat(single(db, "select count(*) from intake_item")).isEqualTo(ROWS - duplicates);
            assertThat(single(db, "select sum(times_seen) from intake_item")).isEqualTo(ROWS);
            assertThat(single(db, "select count(*) from intake_sighting")).isEqualTo(ROWS);
            // One attribute row per line of the file (each carries its sequence number): no gap, no repeat.
            assertThat(single(db, "select count(distinct line_no) from imports_item_attribute"))
                    .isEqualTo(ROWS);
            assertThat(single(db, "select min(line_no) from imports_item_attribute"))
                    .isEqualTo(2);
            assertThat(single(db, "select max(line_no) from imports_item_attribute"))
                    .isEqualTo(ROWS + 1);
            assertThat(
                            single(
                                    db,
                                    "select count(*) from imports_item_attribute"
                                            + " where attributes <> concat('{\"seq\":\"', cast(line_no - 1 as varchar), '\"}')"))
                    .isZero();
            assertThat(single(db, "select count(*) from imports_error")).isZero();
        }

        // Third run: the file is known and finished; nothing is added.
        Process third = start(database, dir, file);
        StringBuffer thirdErrors = new StringBuffer();
        Thread thirdReader = watch(third.getErrorStream(), new AtomicLong(), thirdErrors);
        String again = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(third.waitFor(300, TimeUnit.SECONDS)).isTrue();
        thirdReader.join(5_000);
        assertThat(third.exitValue()).isZero();
        assertThat(again.lines().toList()).containsExactly("imported 0, duplicates 0, rejected 0");
        assertThat(thirdErrors.toString()).contains("already imported");
        try (Connection db = database.connect()) {
            assertThat(single(db, "select count(*) from intake_item")).isEqualTo(ROWS - duplicates);
        }
    }

    record Killed(Database database, Path dir, Path file, int duplicates, boolean torn) {}

    /** Runs an import in a fresh database and kills it with SIGKILL once a few batches are committed. */
    Killed killHalfWay() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dir = Files.createDirectories(Path.of("target", "import-kill", id)).toAbsolutePath();
        Path file = dir.resolve("export.csv");
        int duplicates = writeExport(file);
        Database database = Database.fresh(dir, id);
        Process first = start(database, dir, file);
        AtomicLong seen = new AtomicLong();
        Thread reader = watch(first.getErrorStream(), seen, new StringBuffer());
        long deadline = System.currentTimeMillis() + 180_000;
        while (seen.get() < 1_000 && first.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("still importing when killed").isTrue();
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback but the database's own
        first.waitFor(30, TimeUnit.SECONDS);
        reader.join(5_000);
        try (Connection db = database.connect()) {
            long committed = single(db, "select rows_read from imports_job");
            assertThat(single(db, "select count(*) from imports_job where state = 'RUNNING'"))
                    .isEqualTo(1);
            assertThat(committed).isBetween(1L, (long) ROWS - 1);
            // Every committed row is in, exactly once, and no row after the checkpoint.
            long attributes = single(db, "select count(*) from imports_item_attribute");
            long sightings = single(db, "select count(*) from intake_sighting");
            if ((attributes != committed || sightings != committed) && !TestDatabaseEnvironment.onPostgres()) {
                return new Killed(database, dir, file, duplicates, true);
            }
            assertThat(attributes).isEqualTo(committed);
            assertThat(sightings).isEqualTo(committed);
        }
        return new Killed(database, dir, file, duplicates, false);
    }

    static final String[] WORDS = ("tin đồn giá xăng tăng mạnh tại tỉnh nhà máy đóng cửa vắc xin trẻ em bệnh viện"
                    + " quá tải nước chanh nóng chữa khỏi ung thư tiền điện tháng này lương hưu cắt giảm cầu sập bão"
                    + " lũ lụt học sinh nghỉ học xe buýt miễn phí ngân hàng phá sản rút tiền gấp lừa đảo trúng thưởng")
            .split(" ");

    /** Writes the export; returns how many rows repeat an earlier row's text (exact duplicates). */
    static int writeExport(Path file) throws IOException {
        java.util.Random random = new java.util.Random(42);
        StringBuilder csv = new StringBuilder("url,platform,text,author_handle,published_at,likes,seq\n");
        int duplicates = 0;
        String previous = "";
        for (int i = 1; i <= ROWS; i++) {
            boolean duplicate = i % EVERY_NTH_DUPLICATE == 0;
            String text = previous;
            if (duplicate) {
                duplicates++;
            } else {
                StringBuilder words = new StringBuilder("Bài số " + i + ":");
                for (int w = 0; w < 14; w++) {
                    words.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                }
                text = words.toString();
            }
            previous = text;
            csv.append("https://example.vn/bai/")
                    .append(i)
                    .append(",facebook,\"")
                    .append(text)
                    .append("\",@tai_khoan_")
                    .append(i)
                    .append(",2025-02-01T10:00:00+07:00,")
                    .append(i % 100)
                    .append(',')
                    .append(i)
                    .append('\n');
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return duplicates;
    }

    Process start(Database database, Path dir, Path file) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        // Not the test classes: the child must not swap in the tests' in-memory database.
        command.add("-cp");
        command.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator)));
        command.addAll(database.properties());
        command.add("-Dfactdesk.data-dir=" + dir.resolve("data"));
        command.add("-Dfactdesk.network.admin-email=admin@import-test.example");
        command.add("-Dfactdesk.network.admin-password=correct-horse-battery");
        command.add("-Dfactdesk.imports.batch-size=200");
        command.add("-Dfactdesk.matching.dense=false");
        command.add(FactDeskApplication.class.getName());
        command.addAll(List.of("import", "--format", "csv", file.toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).start();
    }

    /** Reads the child's stderr (its progress bar), keeping the latest row count it drew. */
    static Thread watch(InputStream stderr, AtomicLong rows, StringBuffer text) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            StringBuilder line = new StringBuilder();
            try {
                for (int read = stderr.read(buffer); read >= 0; read = stderr.read(buffer)) {
                    String chunk = new String(buffer, 0, read, StandardCharsets.UTF_8);
                    text.append(chunk);
                    line.append(chunk);
                    Matcher matcher = PROGRESS.matcher(line);
                    while (matcher.find()) {
                        rows.set(Long.parseLong(matcher.group(1)));
                    }
                    int cut = Math.max(line.lastIndexOf("\r"), line.lastIndexOf("\n"));
                    if (cut >= 0) {
                        line.delete(0, cut + 1);
                    }
                }
            } catch (IOException closed) {
                // the process is gone
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The child's database: an H2 file under target/, or a fresh schema in the PostgreSQL test database. */
    record Database(String url, String user, String password, List<String> extra) {

        static Database fresh(Path dir, String id) {
            if (TestDatabaseEnvironment.onPostgres()) {
                String postgres = System.getenv(TestDatabaseEnvironment.TEST_DB_URL);
                String schema = "test_kill_" + id;
                String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                String user = System.getenv().getOrDefault("FACTDESK_TEST_DB_USER", "factdesk");
                String password = System.getenv().getOrDefault("FACTDESK_TEST_DB_PASSWORD", "factdesk");
                return new Database(
                        url,
                        user,
                        password,
                        List.of(
                                "-Dspring.flyway.schemas=" + schema,
                                "-Dspring.flyway.default-schema=" + schema,
                                "-Dspring.flyway.create-schemas=true"));
            }
            return new Database(
                    "jdbc:h2:file:" + dir.resolve("db").resolve("factdesk")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "factdesk",
                    "factdesk",
                    List.of());
        }

        List<String> properties() {
            List<String> all = new ArrayList<>(List.of(
                    "-Dspring.datasource.url=" + url,
                    "-Dspring.datasource.username=" + user,
                    "-Dspring.datasource.password=" + password));
            all.addAll(extra);
            return all;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
