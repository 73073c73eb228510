package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.util.List;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemStatus;
import org.factdesk.network.NetworkManagement;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A failure in the middle of a change leaves nothing half-written: the case rows, the events and the items' status
 * in intake are one transaction. Intake is made to fail after the case rows are written.
 */
@DeskTest
class CaseAtomicityTests {

    @MockitoSpyBean
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    NetworkManagement network;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreIntake() {
        awaitEventListeners();
        doCallRealMethod().when(intake).attachToCase(anyCollection(), any());
        doCallRealMethod().when(intake).recordOutcome(anyCollection(), any());
    }

    @Test
    void openingWritesNothingWhenTakingUpTheItemsFails() {
        CaseDesk desk = new CaseDesk(network, intake, cases);
        CaseDesk.Team team = desk.team();
        Item first = desk.item(team.checker());
        Item second = desk.item(team.checker());
        awaitEventListeners();
        doThrow(new IllegalStateException("intake is down")).when(intake).attachToCase(anyCollection(), any());
        String title = "Atomic " + System.nanoTime();

        assertThatThrownBy(() -> cases.open(
                        team.checker(),
                        new OpenCase(
                                team.unit().id(),
                                title,
                                List.of(new NewClaim("One", null), new NewClaim("Two", null)),
                                List.of(first.id(), second.id()))))
                .hasMessageContaining("intake is down");

        assertThat(count("select count(*) from cases_case where title = :title", title))
                .isZero();
        assertThat(count("""
                select count(*) from cases_case_item i where i.item_id in (:first, :second)
                """, null, first, second)).isZero();
        assertThat(count(
                        "select count(*) from cases_claim c where not exists "
                                + "(select 1 from cases_case k where k.id = c.case_id)",
                        null))
                .isZero();
        assertThat(cases.find(team.checker(), CaseQuery.all(), 0, 100).content())
                .isEmpty();
        assertThat(intake.get(first.id()).status()).isEqualTo(ItemStatus.NEW);
    }

    @Test
    void approvalWritesNothingWhenRecordingTheOutcomeFails() {
        CaseDesk desk = new CaseDesk(network, intake, cases);
        CaseDesk.Team team = desk.team();
        Case kase = desk.inReview(team);
        awaitEventListeners();
        doThrow(new IllegalStateException("intake is down")).when(intake).recordOutcome(anyCollection(), any());

        assertThatThrownBy(() -> cases.approve(team.editor(), kase.id())).hasMessageContaining("intake is down");

        Case after = cases.get(team.editor(), kase.id());
        assertThat(after.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(after.verdict().approved()).isFalse();
        assertThat(after.history()).hasSameSizeAs(kase.history());
        assertThat(after.version()).isEqualTo(kase.version());
        assertThat(intake.get(kase.items().get(0)).status()).isEqualTo(ItemStatus.IN_CASE);

        restoreIntake();
        assertThat(cases.approve(team.editor(), kase.id()).state()).isEqualTo(CaseState.PUBLISHED);
        assertThat(intake.get(kase.items().get(0)).status()).isEqualTo(ItemStatus.CHECKED);
    }

    private long count(String sql, String title, Item... items) {
        var statement = jdbc.sql(sql);
        if (title != null) {
            statement = statement.param("title", title);
        }
        if (items.length == 2) {
            statement = statement
                    .param("first", items[0].id().value())
                    .param("second", items[1].id().value());
        }
        return statement.query(Long.class).single();
    }

    /**
     * Waits until the asynchronous listeners of the events published so far (matching reads new items through
     * intake) are done, so that stubbing the intake spy does not race with another thread calling it.
     */
    private void awaitEventListeners() {
        long deadline = System.currentTimeMillis() + 15_000;
        while (jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        > 0
                && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
