package org.factdesk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A measurement, not a test (run only with -Dfactdesk.bench=true): how long scheduling a batch of links takes, and
 * how fast the scheduler then fetches and archives them from a loopback server. Prints its figures; see
 * docs/benchmarks.md.
 */
@DeskTest
@EnabledIfSystemProperty(named = "factdesk.bench", matches = "true")
class ArchiveThroughputBenchmark {

    static final int ITEMS = Integer.getInteger("factdesk.bench.items", 1000);

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    ArchiveManagement archive;

    @Autowired
    JdbcClient jdbc;

    @Test
    void schedulesAndArchivesABatch() throws Exception {
        try (PageServer server = new PageServer()) {
            String marker = Long.toString(System.nanoTime(), 36);
            byte[] page = PageServer.fixture("vnexpress-article.html");
            TestAccounts accounts = new TestAccounts(network);
            CurrentUser checker =
                    accounts.user(Role.CHECKER, accounts.unit("Bench").id());
            List<ItemId> ids = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                String path = "/b/" + marker + "/" + i;
                server.serve(path, PageServer.Answer.page("text/html; charset=utf-8", page));
                ids.add(intake.submit(checker, SubmitItem.of(server.url(path), null, Platform.WEBSITE))
                        .item()
                        .id());
            }
            await(ids, Duration.ofMinutes(10));
            // Measure the batch path alone: the same items as if they predated the archive.
            jdbc.sql("delete from archive_link where item_id in (:ids)")
                    .param("ids", ids.stream().map(ItemId::value).toList())
                    .update();

            long start = System.nanoTime();
            int scheduled = archive.track(ids);
            long scheduledNanos = System.nanoTime() - start;
            await(ids, Duration.ofMinutes(10));
            long doneNanos = System.nanoTime() - start;

            assertThat(scheduled).isEqualTo(ITEMS);
            System.out.printf(
                    "archive-bench items=%d track_ms=%.1f all_archived_s=%.2f links_per_s=%.1f page_bytes=%d%n",
                    ITEMS, scheduledNanos / 1e6, doneNanos / 1e9, ITEMS / (doneNanos / 1e9), page.length);
        }
    }

    private void await(List<ItemId> ids, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            long fetched = jdbc.sql("select count(*) from archive_link where state = 'FETCHED' and item_id in (:ids)")
                    .param("ids", ids.stream().map(ItemId::value).toList())
                    .query(Long.class)
                    .single();
            if (fetched == ids.size()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not all archived in " + patience);
    }
}
