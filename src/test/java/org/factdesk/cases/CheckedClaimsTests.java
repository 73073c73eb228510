package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DeskTest
class CheckedClaimsTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Test
    void listsOpenAndPublishedClaimsWithVerdictsButNotClosedOnes() {
        CaseDesk desk = new CaseDesk(network, intake, cases);
        CaseDesk.Team team = desk.team();
        Case open = desk.newCase(team);
        Case published = desk.published(team);
        Case closed = desk.closed(team);

        assertThat(cases.checkedClaims(open.id())).singleElement().satisfies(claim -> {
            assertThat(claim.published()).isFalse();
            assertThat(claim.rating()).isNull();
            assertThat(claim.text()).isEqualTo(open.claims().get(0).text());
        });
        assertThat(cases.checkedClaims(published.id())).singleElement().satisfies(claim -> {
            assertThat(claim.published()).isTrue();
            assertThat(claim.rating()).isEqualTo(published.verdict().rating());
            assertThat(claim.publishedAt()).isNotNull();
        });
        assertThat(cases.checkedClaims(closed.id())).isEmpty();
        assertThat(cases.checkedClaims())
                .extracting(CheckedClaim::caseId)
                .contains(open.id(), published.id())
                .doesNotContain(closed.id());
    }
}
