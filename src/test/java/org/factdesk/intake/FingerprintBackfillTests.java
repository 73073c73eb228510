package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.factdesk.intake.IntakeExceptions.ClusterNotFound;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.shared.TextFolding;
import org.factdesk.shared.Timestamps;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.OwnText;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Items stored before near-duplicate clusters existed (each alone in a cluster, no fingerprint, as the migration left
 * them) are fingerprinted and clustered afterwards, once, the oldest first.
 */
@DeskTest
class FingerprintBackfillTests {

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    JdbcClient jdbc;

    CurrentUser checker;
    String m;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        checker = accounts.user(Role.CHECKER, accounts.unit("Backfill desk").id());
        m = "b" + Long.toString(System.nanoTime(), 36);
    }

    static final String RUMOUR = "Bệnh viện thông báo ngừng tiếp nhận bệnh nhân cấp cứu từ ngày mai vì hết giường và"
            + " thiếu bác sĩ trầm trọng, người dân nên chuyển lên tuyến trên ngay";

    private String rumour() {
        return OwnText.marked(m, RUMOUR);
    }

    /** An item as stored before clusters: a cluster of its own with its sightings counted at once, no fingerprint. */
    private ItemId oldItem(String text, Instant receivedAt, Instant seenAt, int timesSeen) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into intake_cluster
                            (id, first_item_id, first_seen_at, last_seen_at, size, copies, created_at, last_received_at)
                        values (:id, :id, :seenAt, :seenAt, 1, :copies, :receivedAt, :receivedAt)
                        """)
                .param("id", id)
                .param("seenAt", Timestamps.toDb(seenAt))
                .param("copies", timesSeen)
                .param("receivedAt", Timestamps.toDb(receivedAt))
                .update();
        jdbc.sql("""
                        insert into intake_item (id, unit_id, text, text_hash, platform, language, seen_at, status,
                            submitted_by, received_at, times_seen, search_text, cluster_id)
                        values (:id, :unit, :text, :hash, 'FACEBOOK', 'vi', :seenAt, 'NEW', :by, :receivedAt, :copies,
                            :search, :id)
                        """)
                .param("id", id)
                .param("unit", checker.units().iterator().next().value())
                .param("text", text)
                .param("hash", UUID.randomUUID().toString())
                .param("seenAt", Timestamps.toDb(seenAt))
                .param("by", checker.id().value())
                .param("receivedAt", Timestamps.toDb(receivedAt))
                .param("copies", timesSeen)
                .param("search", TextFolding.fold(text))
                .update();
        jdbc.sql("""
                        insert into intake_sighting (id, item_id, cluster_id, seen_at, copies)
                        values (:id, :id, :id, :seenAt, :copies)
                        """)
                .param("id", id)
                .param("seenAt", Timestamps.toDb(seenAt))
                .param("copies", timesSeen)
                .update();
        return new ItemId(id);
    }

    private ClusterId fingerprintCluster(ItemId item) {
        return new ClusterId(jdbc.sql("select cluster_id from intake_fingerprint where item_id = :id")
                .param("id", item.value())
                .query(UUID.class)
                .single());
    }

    private boolean hasFingerprint(ItemId item) {
        return jdbc.sql("select count(*) from intake_fingerprint where item_id = :id")
                        .param("id", item.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Test
    void fingerprintsOldItemsAndJoinsThemToTheirNearDuplicatesOnce() {
        ItemId oldest =
                oldItem(rumour(), Instant.parse("2021-08-01T02:00:00Z"), Instant.parse("2021-07-31T10:00:00Z"), 3);
        ItemId older = oldItem(
                "‼️ " + rumour() + " chia sẻ ngay",
                Instant.parse("2021-08-02T02:00:00Z"),
                Instant.parse("2021-08-02T01:00:00Z"),
                1);
        ItemId unrelated = oldItem(
                OwnText.marked(m, "Chợ phiên họp lại từ chủ nhật tuần này sau hai tháng tạm nghỉ, mời bà con"),
                Instant.parse("2021-08-03T02:00:00Z"),
                Instant.parse("2021-08-03T01:00:00Z"),
                1);
        ItemId tooShort =
                oldItem("Cứu " + m, Instant.parse("2021-08-04T02:00:00Z"), Instant.parse("2021-08-04T01:00:00Z"), 1);
        // Logged after the upgrade: its old near duplicates had no fingerprint, so it started a cluster of its own.
        Item recent = intake.submit(checker, SubmitItem.of(null, rumour().toUpperCase() + " !!!", Platform.ZALO))
                .item();
        ClusterId recentCluster = intake.clusterOf(recent.id()).id();
        assertThat(intake.cluster(recentCluster).size()).isEqualTo(1);

        IntakeManagement.Backfill done = intake.fingerprintMissing();

        assertThat(done.fingerprinted()).isGreaterThanOrEqualTo(3);
        assertThat(done.joined()).isGreaterThanOrEqualTo(2);
        Cluster joined = intake.clusterOf(oldest);
        assertThat(joined.id()).isEqualTo(recentCluster);
        assertThat(intake.clusterOf(older).id()).isEqualTo(recentCluster);
        assertThat(joined.items()).extracting(Item::id).containsExactly(oldest, older, recent.id());
        assertThat(joined.size()).isEqualTo(3);
        assertThat(joined.copies()).as("the old sightings come along").isEqualTo(5);
        assertThat(joined.perDay().stream().mapToInt(DailyCount::count).sum()).isEqualTo(5);
        assertThat(joined.firstItem()).as("headed by the earliest received").isEqualTo(oldest);
        assertThat(joined.firstSeen()).isEqualTo(Instant.parse("2021-07-31T10:00:00Z"));
        assertThat(joined.lastSeen()).isEqualTo(intake.get(recent.id()).seenAt());
        assertThatThrownBy(() -> intake.cluster(new ClusterId(oldest.value())))
                .as("the emptied cluster is gone")
                .isInstanceOf(ClusterNotFound.class);

        assertThat(intake.clusterOf(unrelated).id()).isEqualTo(new ClusterId(unrelated.value()));
        assertThat(hasFingerprint(unrelated)).isTrue();
        assertThat(hasFingerprint(tooShort)).isFalse();
        assertThat(intake.clusterOf(tooShort).size()).isEqualTo(1);

        // Each fingerprint carries the cluster its item is in now, moved ones included.
        for (ItemId item : List.of(oldest, older, recent.id(), unrelated)) {
            assertThat(fingerprintCluster(item))
                    .isEqualTo(intake.clusterOf(item).id());
        }

        // A new copy now finds the old items by their fingerprints, alone and in a batch.
        Item later = intake.submit(checker, SubmitItem.of(null, rumour() + " 🙏", Platform.TIKTOK))
                .item();
        assertThat(intake.clusterOf(later.id()).id()).isEqualTo(recentCluster);
        assertThat(fingerprintCluster(later.id())).isEqualTo(recentCluster);
        List<BatchOutcome> batch = intake.submitBatch(
                checker.units().iterator().next(),
                checker.id(),
                List.of(SubmitItem.of(null, rumour() + " Mọi người ơi!", Platform.FACEBOOK)));
        ItemId batched = batch.get(0).item();
        assertThat(batch.get(0).duplicate()).isFalse();
        assertThat(intake.clusterOf(batched).id()).isEqualTo(recentCluster);
        assertThat(fingerprintCluster(batched)).isEqualTo(recentCluster);

        // Running again changes nothing.
        IntakeManagement.Backfill again = intake.fingerprintMissing();
        assertThat(again.fingerprinted()).isZero();
        Cluster after = intake.cluster(recentCluster);
        assertThat(after.size()).isEqualTo(5);
        assertThat(after.copies()).isEqualTo(7);
    }

    @Test
    void oldNearDuplicatesClusterWithEachOtherInTheOrderTheyCame() {
        ItemId first =
                oldItem(rumour(), Instant.parse("2021-09-01T02:00:00Z"), Instant.parse("2021-09-01T01:00:00Z"), 2);
        ItemId second = oldItem(
                OwnText.marked(m, RUMOUR.replace("ngay", "lập tức")),
                Instant.parse("2021-09-02T02:00:00Z"),
                Instant.parse("2021-09-02T01:00:00Z"),
                1);
        ItemId third = oldItem(
                rumour() + " 😱", Instant.parse("2021-09-03T02:00:00Z"), Instant.parse("2021-09-03T01:00:00Z"), 4);

        intake.fingerprintMissing();

        Cluster cluster = intake.clusterOf(second);
        assertThat(cluster.id()).as("into the oldest one's cluster").isEqualTo(new ClusterId(first.value()));
        assertThat(intake.clusterOf(third).id()).isEqualTo(cluster.id());
        assertThat(cluster.size()).isEqualTo(3);
        assertThat(cluster.copies()).isEqualTo(7);
        assertThat(cluster.firstItem()).isEqualTo(first);
        assertThat(cluster.lastSeen()).isEqualTo(Instant.parse("2021-09-03T01:00:00Z"));
    }
}
