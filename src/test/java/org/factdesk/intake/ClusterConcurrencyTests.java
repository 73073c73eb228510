package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Submissions racing each other: near duplicates may start more than one cluster (documented on
 * {@link IntakeManagement#submit}), but every cluster is whole: its counts match its items and sightings, no copy is
 * lost.
 */
@DeskTest
class ClusterConcurrencyTests {

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Test
    void keepsEveryClusterWholeUnderConcurrentSubmissions() throws Exception {
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser checker =
                accounts.user(Role.CHECKER, accounts.unit("Race desk").id());
        String m = "r" + Long.toString(System.nanoTime(), 36);
        String rumour =
                "Cảnh báo %s: uống thuốc hạ sốt %s cùng nước dừa sẽ gây ngộ độc gan, bệnh viện %s đã có ca tử vong"
                        .formatted(m, m, m);
        List<String> texts = new ArrayList<>();
        String[] decorations = {"", "😱 ", "‼️‼️ ", "TIN NÓNG ", "🙏 ", "FW: ", "⚠️ ", "📢 "};
        for (String decoration : decorations) {
            texts.add(decoration + rumour + " " + decoration.strip()); // near duplicates (emoji are dropped...)
        }
        for (int i = 0; i < 4; i++) {
            texts.add(rumour.replace("cùng", "với") + " chia sẻ ngay"); // ...and exact duplicates of one another
        }
        ExecutorService pool = Executors.newFixedThreadPool(texts.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SubmissionResult>> results = new ArrayList<>();
        for (String text : texts) {
            results.add(pool.submit(() -> {
                start.await();
                return intake.submit(checker, SubmitItem.of(null, text, Platform.FACEBOOK));
            }));
        }
        start.countDown();
        Map<ClusterId, Cluster> clusters = new LinkedHashMap<>();
        for (Future<SubmissionResult> result : results) {
            Item item = result.get(60, TimeUnit.SECONDS).item();
            Cluster cluster = intake.clusterOf(item.id());
            clusters.put(cluster.id(), cluster);
        }
        pool.shutdown();

        int copies = 0;
        for (ClusterId id : clusters.keySet()) {
            Cluster cluster = intake.cluster(id);
            assertThat(cluster.items()).isNotEmpty();
            assertThat(cluster.items().stream().mapToInt(Item::timesSeen).sum()).isEqualTo(cluster.copies());
            assertThat(cluster.perDay().stream().mapToInt(DailyCount::count).sum())
                    .isEqualTo(cluster.copies());
            copies += cluster.copies();
        }
        assertThat(copies).isEqualTo(texts.size());

        Item later = intake.submit(checker, SubmitItem.of(null, rumour + " 😡", Platform.X))
                .item();
        assertThat(clusters).containsKey(intake.clusterOf(later.id()).id());
    }
}
