package org.factdesk.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.factdesk.cases.CaseManagement;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.PublishingDesk;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.testing.DeskTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Matches answer with the public page of a case's fact-check while it stands, and with the desk's case page after. */
@DeskTest
class PublicPageMatchesTests {

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    MatchingManagement matching;

    @Autowired
    JdbcClient jdbc;

    PublishingDesk desk;

    @BeforeEach
    void fixtures() {
        desk = new PublishingDesk(network, intake, cases, publishing);
    }

    @Test
    void matchesLinkThePublicPageOfAPublishedFactCheck() {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.published(desk.team(), marker);

        DeskMatch match = MatchingDesk.eventually(
                () -> top(marker),
                found -> found.factCheckUrl() != null && found.factCheckUrl().startsWith("http"));

        assertThat(match.caseId()).isEqualTo(factCheck.caseId());
        assertThat(match.factCheckUrl()).isEqualTo(publishing.url(factCheck));
        assertThat(match.factCheckUrl()).startsWith("http").contains(factCheck.slug());
    }

    @Test
    void aWithdrawnFactCheckIsNoLongerLinked() {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.withdrawn(desk.team(), marker);
        // Published, then withdrawn: wait until the withdrawal has been heard.
        MatchingDesk.eventually(
                () -> jdbc.sql("select count(*) from matching_public_page where case_id = :c and withdrawn")
                        .param("c", factCheck.caseId().value())
                        .query(Long.class)
                        .single(),
                count -> count == 1);

        DeskMatch match = MatchingDesk.eventually(
                () -> top(marker),
                found -> found != null && found.caseId().equals(factCheck.caseId()) && found.published());

        assertThat(match.caseId()).isEqualTo(factCheck.caseId());
        assertThat(match.factCheckUrl()).isEqualTo("/cases/" + factCheck.caseId());
    }

    /** The best match of a post repeating the claim of {@code marker}; the index follows the case events later. */
    private @Nullable DeskMatch top(String marker) {
        return matching
                .match("Nghe nói uống nước chanh nóng diệt được virus corona " + marker + " có thật không", 5)
                .matches()
                .stream()
                .findFirst()
                .orElse(null);
    }
}
