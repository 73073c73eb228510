package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factdesk.cases.CaseExceptions.ConcurrentChange;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The repository round-trips every part of a case and refuses a save from a stale read (optimistic locking). */
@DeskTest
class CasesRepositoryTests {

    @Autowired
    Cases repository;

    @Autowired
    CaseManagement cases;

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    @Test
    void twoEditorsCannotBothApproveTheSameVerdict() {
        CaseDesk desk = new CaseDesk(network, intake, cases);
        CaseDesk.Team team = desk.team();
        Case kase = desk.inReview(team);

        Case readByFirst = repository.find(kase.id()).orElseThrow();
        Case readBySecond = repository.find(kase.id()).orElseThrow();
        readByFirst.approve(team.editor().id(), java.time.Instant.now());
        readBySecond.approve(team.editor2().id(), java.time.Instant.now());

        repository.save(readByFirst);
        assertThatThrownBy(() -> repository.save(readBySecond))
                .isInstanceOf(ConcurrentChange.class)
                .hasFieldOrPropertyWithValue("messageKey", "cases.error.concurrent-change");

        Case stored = repository.find(kase.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(CaseState.PUBLISHED);
        assertThat(stored.verdict().approvedBy()).isEqualTo(team.editor().id());
        assertThat(stored.history())
                .filteredOn(entry -> entry.action() == CaseAction.APPROVE)
                .hasSize(1);
        assertThat(stored.version()).isEqualTo(kase.version() + 1);
    }

    @Test
    void readsBackWhatWasSaved() {
        CaseDesk desk = new CaseDesk(network, intake, cases);
        CaseDesk.Team team = desk.team();
        Case kase = desk.inReview(team);
        kase = cases.comment(team.editor(), kase.id(), "Một bình luận");
        kase = cases.sendBack(team.editor(), kase.id(), "Thêm nguồn");

        Case stored = repository.find(kase.id()).orElseThrow();
        assertThat(stored.title()).isEqualTo(kase.title());
        assertThat(stored.state()).isEqualTo(CaseState.IN_VERIFICATION);
        assertThat(stored.priority()).isEqualTo(2);
        assertThat(stored.topics()).containsExactly("covid-19", "home-remedies");
        assertThat(stored.assignee()).isEqualTo(team.checker().id());
        assertThat(stored.claims()).isEqualTo(kase.claims());
        assertThat(stored.items()).isEqualTo(kase.items());
        assertThat(stored.evidence()).isEqualTo(kase.evidence());
        assertThat(stored.comments()).isEqualTo(kase.comments());
        assertThat(stored.history()).isEqualTo(kase.history());
        assertThat(stored.verdict()).isEqualTo(kase.verdict());
        assertThat(stored.openedAt()).isEqualTo(kase.openedAt());
        assertThat(stored.version()).isEqualTo(kase.version());
    }
}
