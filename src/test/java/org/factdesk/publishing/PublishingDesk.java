package org.factdesk.publishing;

import java.util.List;
import java.util.UUID;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.testing.TestAccounts;

/**
 * Test fixtures for publishing: a unit with its people, a case taken to PUBLISHED through the real workflow
 * (open, triage, assign, evidence, verdict, approval by a second person), and fact-checks drafted, published,
 * corrected and withdrawn through {@link PublishingManagement}. Every text carries a unique marker.
 */
public final class PublishingDesk {

    private final TestAccounts accounts;
    private final IntakeManagement intake;
    private final CaseManagement cases;
    private final PublishingManagement publishing;

    public PublishingDesk(
            NetworkManagement network, IntakeManagement intake, CaseManagement cases, PublishingManagement publishing) {
        this.accounts = new TestAccounts(network);
        this.intake = intake;
        this.cases = cases;
        this.publishing = publishing;
    }

    public TestAccounts accounts() {
        return accounts;
    }

    /** Two checkers and two editors of one new unit. */
    public record Team(Unit unit, CurrentUser checker, CurrentUser checker2, CurrentUser editor, CurrentUser editor2) {}

    public Team team() {
        Unit unit = accounts.unit("Tổ kiểm chứng");
        return new Team(
                unit,
                accounts.user(Role.CHECKER, unit.id()),
                accounts.user(Role.CHECKER, unit.id()),
                accounts.user(Role.EDITOR, unit.id()),
                accounts.user(Role.EDITOR, unit.id()));
    }

    public static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A case in review (verdict proposed by the checker, not approved) about {@code marker}. */
    public Case inReview(Team team, String marker) {
        Item item = intake.submit(
                        team.checker(),
                        SubmitItem.of(
                                "https://www.facebook.com/groups/suckhoe/posts/" + marker,
                                "Uống nước chanh nóng diệt được virus corona, chia sẻ ngay " + marker,
                                Platform.FACEBOOK))
                .item();
        Case kase = cases.open(
                team.checker(),
                new OpenCase(
                        team.unit().id(),
                        "Nước chanh nóng " + marker,
                        List.of(new NewClaim("Uống nước chanh nóng diệt được virus corona " + marker, Language.VI)),
                        List.of(item.id())));
        cases.triage(team.checker(), kase.id(), 2, List.of("covid-19", "t" + marker));
        cases.assign(team.checker(), kase.id(), team.checker().id());
        cases.addEvidence(
                team.checker(),
                kase.id(),
                new NewEvidence.Link(
                        "https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public/myth-busters",
                        "WHO Mythbusters",
                        "Heat does not prevent COVID-19."));
        return cases.proposeVerdict(
                team.checker(),
                kase.id(),
                Rating.FALSE,
                "Không có bằng chứng nào cho thấy nước chanh nóng diệt virus " + marker + ".");
    }

    /** A case whose verdict the first editor approved. */
    public Case approvedCase(Team team, String marker) {
        Case kase = inReview(team, marker);
        return cases.approve(team.editor(), kase.id());
    }

    /** A draft in Vietnamese written by the checker. */
    public FactCheck draft(Team team, String marker) {
        Case kase = approvedCase(team, marker);
        return publishing.draft(
                team.checker(),
                kase.id(),
                Language.VI,
                new Article(
                        "Nước chanh nóng không diệt được virus corona " + marker,
                        "Uống nước chanh nóng diệt được virus corona " + marker,
                        "Sai sự thật: không có bằng chứng nào cho thấy nước chanh nóng diệt virus " + marker + ".",
                        "## Kết luận\n\nNước chanh nóng **không** diệt được virus.\n\n- [WHO](https://www.who.int/)"),
                null);
    }

    /** A draft published by the first editor (who did not write it). */
    public FactCheck published(Team team, String marker) {
        FactCheck draft = draft(team, marker);
        return publishing.publish(team.editor(), draft.id());
    }

    /** A published fact-check with one approved correction. */
    public FactCheck corrected(Team team, String marker) {
        FactCheck factCheck = published(team, marker);
        Article current = factCheck.article();
        publishing.proposeCorrection(
                team.checker2(),
                factCheck.id(),
                new Article(current.headline(), current.claim(), current.summary(), current.body() + "\n\nBổ sung."),
                "Bổ sung nguồn của Bộ Y tế " + marker,
                "Thiếu nguồn chính thức trong nước " + marker);
        return publishing.approveProposal(team.editor2(), factCheck.id());
    }

    /** A published fact-check that was withdrawn. */
    public FactCheck withdrawn(Team team, String marker) {
        FactCheck factCheck = published(team, marker);
        publishing.proposeWithdrawal(team.checker(), factCheck.id(), "Nguồn chính bị rút lại " + marker);
        return publishing.approveProposal(team.editor2(), factCheck.id());
    }
}
