package org.factdesk.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factdesk.imports.ImportExceptions.ConcurrentImport;
import org.factdesk.imports.ImportFormat;
import org.factdesk.imports.ImportId;
import org.factdesk.imports.ImportJob;
import org.factdesk.imports.ImportProperties;
import org.factdesk.imports.ImportState;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.IntakeProperties;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Unit;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.OwnText;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner with batches of two rows: the next batch is read and checked on a second thread while one is stored, and
 * the batches are still stored in the file's order, each with its checkpoint; when storing fails, the reading thread
 * stops and nothing after the failed batch is stored.
 */
@DeskTest
@Timeout(120)
class ImportRunnerTests {

    @Autowired
    IntakeManagement intake;

    @Autowired
    IntakeProperties intakeProperties;

    @Autowired
    ImportJobs jobs;

    @Autowired
    NetworkManagement network;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    ImportRunner runner;
    Unit unit;
    String marker;

    @BeforeEach
    void setUp() {
        runner = new ImportRunner(
                intake,
                jobs,
                new ImportProperties(2, Long.MAX_VALUE, 1 << 20),
                intakeProperties,
                transactions,
                json,
                clock,
                "Asia/Ho_Chi_Minh");
        unit = new TestAccounts(network).unit("Import runner desk " + System.nanoTime());
        marker = OwnText.marker();
    }

    /** A CSV file of {@code rows} distinct posts, the one on line {@code blankLine} without text or link. */
    private Path file(int rows, int blankLine) throws IOException {
        StringBuilder csv = new StringBuilder("platform,text\n");
        String[] topics = {"nước chanh", "tỏi sống", "xông hơi sả", "vitamin C", "nước muối", "gừng mật ong"};
        for (int row = 0; row < rows; row++) {
            int line = row + 2;
            String text = line == blankLine
                    ? ""
                    : OwnText.marked(
                            marker,
                            "Tin đồn số " + line + ": uống " + topics[row % topics.length] + " mỗi ngày chữa khỏi bệnh "
                                    + "số " + (line * 7919) + " theo lời một bác sĩ giấu tên");
            csv.append("facebook,\"").append(text).append("\"\n");
        }
        Path dir = Files.createDirectories(Path.of("target", "import-tests", marker));
        return Files.writeString(dir.resolve("posts.csv"), csv, StandardCharsets.UTF_8);
    }

    private ImportJob newJob(Path file) throws IOException {
        ImportJob job = new ImportJob(
                ImportId.random(),
                marker,
                ImportFormat.CSV,
                unit.id(),
                "posts.csv",
                Files.size(file),
                ImportState.RUNNING,
                1,
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                clock.instant(),
                clock.instant(),
                null);
        jobs.insert(job, null, null);
        return job;
    }

    /** The stored items' line numbers (the "số N:" of their text), with when each was received, by receipt. */
    private List<Map.Entry<Instant, Integer>> linesStored() {
        Pattern line = Pattern.compile("số (\\d+):");
        return jdbc
                .sql("select text, received_at from intake_item where text like :marker")
                .param("marker", "%" + marker + "%")
                .query((rs, row) -> {
                    Matcher found = line.matcher(rs.getString("text"));
                    assertThat(found.find()).isTrue();
                    return Map.entry(rs.getTimestamp("received_at").toInstant(), Integer.parseInt(found.group(1)));
                })
                .list()
                .stream()
                .sorted(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .toList();
    }

    private static boolean readerAlive(ImportId job) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("import-reader-" + job.value()) && thread.isAlive());
    }

    @Test
    void storesTheBatchesInTheFilesOrderEachWithItsCheckpoint() throws IOException {
        Path file = file(9, 6);
        ImportJob job = newJob(file);
        List<Long> checkpoints = new ArrayList<>();

        ImportJob done = runner.run(job.id(), file, progress -> checkpoints.add(progress.nextLine()));

        assertThat(done.state()).isEqualTo(ImportState.DONE);
        assertThat(done.rowsRead()).isEqualTo(9);
        assertThat(done.imported()).isEqualTo(8);
        assertThat(done.rejected()).isEqualTo(1);
        assertThat(done.nextLine()).isEqualTo(11);
        // The starting point, one checkpoint per batch of two rows (the last one alone), and the finished job.
        assertThat(checkpoints).containsExactly(1L, 4L, 6L, 8L, 10L, 11L, 11L);
        List<Integer> lines = new ArrayList<>();
        jobs.rejections(job.id(), rejection -> lines.add((int) rejection.line()));
        assertThat(lines).as("the row without text, by its line").containsExactly(6);
        List<Map.Entry<Instant, Integer>> stored = linesStored();
        assertThat(stored)
                .as("stored in the file's order, a batch after the other")
                .extracting(Map.Entry::getValue)
                .containsExactly(2, 3, 4, 5, 7, 8, 9, 10);
        assertThat(stored.stream().map(Map.Entry::getKey).distinct())
                .as("one receipt time per batch: 2-3, 4-5, 7, 8-9, 10")
                .hasSize(5);
        assertThat(readerAlive(job.id())).isFalse();
    }

    @Test
    void whenStoringFailsTheReaderStopsAndNothingAfterTheFailedBatchIsStored() throws IOException {
        Path file = file(9, 0);
        ImportJob job = newJob(file);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> runner.run(job.id(), file, progress -> {
                    if (calls.incrementAndGet() == 2) {
                        // Another run of the job moves the checkpoint after the first batch: the next batch's fails.
                        jdbc.sql("update imports_job set next_offset = next_offset + 1 where id = :id")
                                .param("id", job.id().value())
                                .update();
                    }
                }))
                .isInstanceOf(ConcurrentImport.class);

        assertThat(linesStored())
                .as("the first batch only")
                .extracting(Map.Entry::getValue)
                .containsExactly(2, 3);
        assertThat(readerAlive(job.id())).isFalse();
    }
}
