package org.factdesk.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.factdesk.intake.ClusterId;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.OwnText;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The copy of an item's cluster kept with its fingerprint follows the item wherever it is moved. */
@DeskTest
class ClustersTests {

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    @Autowired
    Clusters clusters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMovedItemsFingerprintMovesWithIt() {
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser checker =
                accounts.user(Role.CHECKER, accounts.unit("Clusters desk").id());
        String marker = OwnText.marker();
        Item moved = intake.submit(
                        checker,
                        SubmitItem.of(
                                null,
                                OwnText.marked(marker, "Uống nước lá ổi mỗi sáng chữa khỏi tiểu đường chỉ sau ba tuần"),
                                Platform.FACEBOOK))
                .item();
        Item other = intake.submit(
                        checker,
                        SubmitItem.of(
                                null,
                                OwnText.marked(
                                        marker, "Trường học đóng cửa cả tháng sau vì dịch cúm lan rộng ở phường"),
                                Platform.ZALO))
                .item();
        ClusterId from = intake.clusterOf(moved.id()).id();
        ClusterId into = intake.clusterOf(other.id()).id();
        assertThat(from).isNotEqualTo(into);
        assertThat(fingerprintCluster(moved.id())).isEqualTo(from);

        clusters.moveAlone(moved.id(), from, into);

        assertThat(intake.clusterOf(moved.id()).id()).isEqualTo(into);
        assertThat(fingerprintCluster(moved.id())).isEqualTo(into);
    }

    private ClusterId fingerprintCluster(ItemId item) {
        return new ClusterId(jdbc.sql("select cluster_id from intake_fingerprint where item_id = :id")
                .param("id", item.value())
                .query(UUID.class)
                .single());
    }
}
