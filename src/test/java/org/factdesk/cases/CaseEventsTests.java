package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.factdesk.cases.CaseExceptions.SelfApprovalRefused;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases module on its own (with the modules it uses: network and intake) announces its transitions as events,
 * which is how audit, stats and publishing will learn of them.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class CaseEventsTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    @Autowired
    JsonMapper json;

    CaseDesk desk;
    CaseDesk.Team team;

    @BeforeEach
    void setUp() {
        desk = new CaseDesk(network, intake, cases);
        team = desk.team();
    }

    @Test
    void publishesVerdictApprovedWhenASecondEditorApproves(Scenario scenario) {
        Case kase = desk.inReview(team);

        scenario.stimulate(() -> cases.approve(team.editor(), kase.id()))
                .andWaitForEventOfType(VerdictApproved.class)
                .matchingMappedValue(VerdictApproved::caseId, kase.id())
                .toArriveAndVerify(approved -> {
                    assertThat(approved.unit()).isEqualTo(team.unit().id());
                    assertThat(approved.rating()).isEqualTo(Rating.FALSE);
                    assertThat(approved.proposedBy()).isEqualTo(team.checker().id());
                    assertThat(approved.approvedBy()).isEqualTo(team.editor().id());
                    assertThat(approved.items()).isEqualTo(kase.items());
                    assertThat(approved.topics()).containsExactly("covid-19", "home-remedies");
                    assertThat(approved.approvedAt()).isAfterOrEqualTo(approved.openedAt());
                });
    }

    @Test
    void publishesEveryStepOfTheWorkflow(PublishedEvents events) {
        Case kase = desk.inReview(team);
        cases.sendBack(team.editor(), kase.id(), "Thêm nguồn");
        cases.comment(team.editor(), kase.id(), "Xem lại nhé");
        cases.close(team.editor(), kase.id(), CloseReason.NO_ACTION, null);

        assertThat(events.ofType(CaseOpened.class).matching(CaseOpened::caseId, kase.id()))
                .hasSize(1);
        assertThat(events.ofType(CaseTriaged.class).matching(CaseTriaged::caseId, kase.id()))
                .hasSize(1);
        assertThat(events.ofType(CaseAssigned.class).matching(CaseAssigned::caseId, kase.id()))
                .hasSize(1);
        assertThat(events.ofType(EvidenceAdded.class).matching(EvidenceAdded::caseId, kase.id()))
                .hasSize(1);
        assertThat(events.ofType(VerdictProposed.class).matching(VerdictProposed::caseId, kase.id()))
                .hasSize(1);
        assertThat(events.ofType(VerdictSentBack.class).matching(VerdictSentBack::caseId, kase.id()))
                .hasSize(1);
        assertThat(events.ofType(CommentAdded.class).matching(CommentAdded::caseId, kase.id()))
                .hasSize(1);
        assertThat(events.ofType(CaseClosed.class).matching(CaseClosed::caseId, kase.id()))
                .singleElement()
                .satisfies(closed -> {
                    assertThat(closed.reason()).isEqualTo(CloseReason.NO_ACTION);
                    assertThat(closed.closedFrom()).isEqualTo(CaseState.IN_VERIFICATION);
                });
    }

    /**
     * Listeners in other modules get the events through the JDBC event publication registry, which stores them as
     * JSON in a varchar(4000) column: each event must read back equal and fit.
     */
    @Test
    void eventsSurviveTheEventPublicationRegistry(PublishedEvents events) {
        desk.published(team);
        Case closed = desk.inReview(team);
        cases.sendBack(team.editor(), closed.id(), "Thêm nguồn");
        cases.comment(team.editor(), closed.id(), "Đóng lại");
        cases.close(team.editor(), closed.id(), CloseReason.DUPLICATE, "Trùng với hồ sơ trước");

        List<Object> published = new ArrayList<>();
        for (Class<?> type : List.of(
                CaseOpened.class,
                CaseTriaged.class,
                CaseAssigned.class,
                EvidenceAdded.class,
                CommentAdded.class,
                VerdictProposed.class,
                VerdictSentBack.class,
                VerdictApproved.class,
                CaseClosed.class)) {
            List<Object> ofType = new ArrayList<>();
            events.ofType(type).forEach(ofType::add);
            assertThat(ofType).as(type.getSimpleName()).isNotEmpty();
            published.addAll(ofType);
        }
        for (Object event : published) {
            String text = json.writeValueAsString(event);
            assertThat(text).as(event.getClass().getSimpleName()).hasSizeLessThan(4000);
            assertThat(json.readValue(text, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void publishesNothingForARefusedApproval(PublishedEvents events) {
        Case kase = desk.inReview(team);
        assertThatThrownBy(() -> cases.approve(team.checker(), kase.id()))
                .isInstanceOf(CaseExceptions.RoleRequired.class);
        assertThatThrownBy(() -> cases.proposeVerdict(team.checker(), kase.id(), Rating.TRUE, "x"))
                .isInstanceOf(CaseExceptions.IllegalCaseTransition.class);
        CaseDesk.Team sameUnit = team;
        Case own = cases.proposeVerdict(
                sameUnit.editor(), desk.withEvidence(sameUnit).id(), Rating.SATIRE, "Châm biếm");
        assertThatThrownBy(() -> cases.approve(sameUnit.editor(), own.id())).isInstanceOf(SelfApprovalRefused.class);

        assertThat(events.ofType(VerdictApproved.class)).isEmpty();
    }
}
