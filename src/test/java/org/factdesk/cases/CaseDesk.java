package org.factdesk.cases;

import java.util.List;
import java.util.UUID;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Platform;
import org.factdesk.testing.TestAccounts;

/**
 * Test fixtures for cases: a unit with its people, items logged through intake, and cases brought to each state
 * through the real transitions of {@link CaseManagement}. Every name and text is unique, so tests sharing one
 * database never see each other's rows.
 */
final class CaseDesk {

    private final TestAccounts accounts;
    private final IntakeManagement intake;
    private final CaseManagement cases;

    CaseDesk(NetworkManagement network, IntakeManagement intake, CaseManagement cases) {
        this.accounts = new TestAccounts(network);
        this.intake = intake;
        this.cases = cases;
    }

    TestAccounts accounts() {
        return accounts;
    }

    /** The people of one unit: two checkers, two editors and a viewer. */
    record Team(
            Unit unit,
            CurrentUser checker,
            CurrentUser checker2,
            CurrentUser editor,
            CurrentUser editor2,
            CurrentUser viewer) {}

    Team team() {
        Unit unit = accounts.unit("Cases desk");
        return new Team(
                unit,
                accounts.user(Role.CHECKER, unit.id()),
                accounts.user(Role.CHECKER, unit.id()),
                accounts.user(Role.EDITOR, unit.id()),
                accounts.user(Role.EDITOR, unit.id()),
                accounts.user(Role.VIEWER, unit.id()));
    }

    /** A new item logged by {@code submitter} for their unit, with text no other test uses. */
    Item item(CurrentUser submitter) {
        String text = "Uống nước chanh nóng diệt được virus corona " + UUID.randomUUID();
        return intake.submit(submitter, SubmitItem.of(null, text, Platform.FACEBOOK))
                .item();
    }

    Case newCase(Team team) {
        Item item = item(team.checker());
        return cases.open(
                team.checker(),
                new OpenCase(
                        team.unit().id(),
                        "Nước chanh nóng " + UUID.randomUUID().toString().substring(0, 8),
                        List.of(new NewClaim("Uống nước chanh nóng diệt được virus corona", null)),
                        List.of(item.id())));
    }

    Case triaged(Team team) {
        Case kase = newCase(team);
        return cases.triage(team.checker(), kase.id(), 2, List.of("covid-19", "home-remedies"));
    }

    Case inVerification(Team team) {
        Case kase = triaged(team);
        return cases.assign(team.checker(), kase.id(), team.checker().id());
    }

    Case withEvidence(Team team) {
        Case kase = inVerification(team);
        return cases.addEvidence(
                team.checker(),
                kase.id(),
                new NewEvidence.Link(
                        "https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public/myth-busters",
                        "WHO Mythbusters",
                        "Heat does not prevent COVID-19."));
    }

    /** In review, with a verdict proposed by the team's first checker. */
    Case inReview(Team team) {
        Case kase = withEvidence(team);
        return cases.proposeVerdict(
                team.checker(),
                kase.id(),
                Rating.FALSE,
                "Không có bằng chứng nào cho thấy nước chanh nóng diệt virus.");
    }

    Case published(Team team) {
        Case kase = inReview(team);
        return cases.approve(team.editor(), kase.id());
    }

    Case closed(Team team) {
        Case kase = triaged(team);
        return cases.close(team.editor(), kase.id(), CloseReason.OUT_OF_SCOPE, null);
    }
}
