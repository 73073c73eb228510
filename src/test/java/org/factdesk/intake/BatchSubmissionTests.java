package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A batch is stored as its submissions would be one by one: duplicates, clusters, counts and refusals. */
@DeskTest
class BatchSubmissionTests {

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    @Autowired
    JdbcClient jdbc;

    Unit unit;
    CurrentUser checker;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        unit = accounts.unit("Batch desk");
        checker = accounts.user(Role.CHECKER, unit.id());
        marker = org.factdesk.testing.OwnText.marker();
    }

    SubmitItem post(String url, String text, String seenAt) {
        return new SubmitItem(null, url, null, text, Platform.FACEBOOK, null, Instant.parse(seenAt), null, null);
    }

    @Test
    void storesABatchWithItsDuplicatesNearDuplicatesAndRefusalsAsOneByOne() {
        String rumour = "Bộ Y tế khuyến cáo uống nước chanh nóng mỗi sáng để diệt virus corona trong cổ họng " + marker;
        Item stored = intake.submit(
                        checker, SubmitItem.of("https://example.vn/" + marker + "/stored", rumour, Platform.FACEBOOK))
                .item();
        ClusterId storedCluster = intake.clusterOf(stored.id()).id();

        List<BatchOutcome> outcomes = intake.submitBatch(
                unit.id(),
                null,
                List.of(
                        post(
                                "https://example.vn/" + marker + "/a",
                                rumour + " 😱 chia sẻ ngay",
                                "2025-01-02T00:00:00Z"),
                        post("https://example.vn/" + marker + "/stored", "other words", "2025-01-03T00:00:00Z"),
                        post(
                                "https://example.vn/" + marker + "/b",
                                "Xe buýt điện miễn phí cho học sinh toàn tỉnh từ tháng sau theo quyết định mới "
                                        + marker,
                                "2025-01-04T00:00:00Z"),
                        post(
                                "https://example.vn/" + marker + "/c",
                                "Xe buyt dien mien phi cho hoc sinh toan tinh tu thang sau theo quyet dinh moi "
                                        + marker + " !!!",
                                "2025-01-05T00:00:00Z"),
                        post(
                                "https://example.vn/" + marker + "/d",
                                rumour + " 😱 chia sẻ ngay",
                                "2025-01-06T00:00:00Z"),
                        post("not a link", "x", "2025-01-07T00:00:00Z")));

        assertThat(outcomes).hasSize(6);
        BatchOutcome nearStored = outcomes.get(0);
        assertThat(nearStored.duplicate()).isFalse();
        assertThat(intake.clusterOf(nearStored.item()).id()).isEqualTo(storedCluster);
        assertThat(outcomes.get(1).duplicate()).isTrue();
        assertThat(outcomes.get(1).item()).isEqualTo(stored.id());
        BatchOutcome bus = outcomes.get(2);
        BatchOutcome busFolded = outcomes.get(3);
        assertThat(bus.duplicate()).isFalse();
        assertThat(busFolded.duplicate()).isFalse();
        Cluster busCluster = intake.clusterOf(busFolded.item());
        assertThat(busCluster.id()).isEqualTo(intake.clusterOf(bus.item()).id());
        assertThat(busCluster.size()).isEqualTo(2);
        assertThat(busCluster.copies()).isEqualTo(2);
        assertThat(busCluster.firstItem()).isEqualTo(bus.item());
        assertThat(busCluster.firstSeen()).isEqualTo(Instant.parse("2025-01-04T00:00:00Z"));
        assertThat(busCluster.lastSeen()).isEqualTo(Instant.parse("2025-01-05T00:00:00Z"));
        // The same text as an earlier submission of the batch: a duplicate of that new item.
        assertThat(outcomes.get(4).duplicate()).isTrue();
        assertThat(outcomes.get(4).item()).isEqualTo(nearStored.item());
        assertThat(intake.get(nearStored.item()).timesSeen()).isEqualTo(2);
        assertThat(outcomes.get(5).refused()).isTrue();
        assertThat(outcomes.get(5).refusal().messageKey()).isEqualTo("intake.error.invalid-url");

        Cluster rumourCluster = intake.cluster(storedCluster);
        assertThat(rumourCluster.size()).isEqualTo(2);
        assertThat(rumourCluster.copies()).isEqualTo(4); // stored, its URL again, the near duplicate and its copy
        assertThat(intake.get(stored.id()).timesSeen()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from intake_sighting where cluster_id = :c")
                        .param("c", storedCluster.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from intake_fingerprint where item_id = :i")
                        .param("i", bus.item().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCopyOfARumourStoredManyMoreTimesThanTheCandidatesReadJoinsItsCluster() {
        String rumour =
                "Tin khẩn cấp: nhà máy nước của thành phố bị nhiễm độc, tuyệt đối không uống nước máy từ tối nay "
                        + marker;
        List<SubmitItem> copies = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) { // more than the 32 stored candidates read per submission
            copies.add(
                    post("https://example.vn/" + marker + "/copy-" + i, rumour + " lan " + i, "2025-02-01T00:00:00Z"));
        }
        List<BatchOutcome> first = intake.submitBatch(unit.id(), null, copies);
        ClusterId cluster = intake.clusterOf(first.get(0).item()).id();
        assertThat(first)
                .allSatisfy(outcome ->
                        assertThat(intake.clusterOf(outcome.item()).id()).isEqualTo(cluster));

        List<BatchOutcome> later = intake.submitBatch(
                unit.id(),
                null,
                List.of(
                        post(
                                "https://example.vn/" + marker + "/later",
                                "‼️ " + rumour + " chia sẻ ngay",
                                "2025-02-02T00:00:00Z"),
                        post(
                                "https://example.vn/" + marker + "/other",
                                "Ngân hàng nhà nước sẽ đổi toàn bộ tiền polymer sang tiền giấy từ tháng sau " + marker,
                                "2025-02-02T00:00:00Z")));
        assertThat(intake.clusterOf(later.get(0).item()).id()).isEqualTo(cluster);
        assertThat(intake.clusterOf(later.get(1).item()).id()).isNotEqualTo(cluster);
        assertThat(intake.cluster(cluster).size()).isEqualTo(61);
    }
}
