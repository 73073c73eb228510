package org.factdesk.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
import org.factdesk.shared.Platform;
import org.factdesk.testing.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fixtures for the matching tests: a unit with its people, fact-checks published through the real workflow, and
 * waits for the asynchronous listeners that keep the claim index and the item matches in step.
 */
final class MatchingDesk {

    private final TestAccounts accounts;
    private final IntakeManagement intake;
    private final CaseManagement cases;
    private final JdbcClient jdbc;

    MatchingDesk(NetworkManagement network, IntakeManagement intake, CaseManagement cases, JdbcClient jdbc) {
        this.accounts = new TestAccounts(network);
        this.intake = intake;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    TestAccounts accounts() {
        return accounts;
    }

    /** The people of one unit. */
    record Team(Unit unit, CurrentUser checker, CurrentUser editor, CurrentUser viewer) {}

    Team team(String name) {
        Unit unit = accounts.unit(name);
        return new Team(
                unit,
                accounts.user(Role.CHECKER, unit.id()),
                accounts.user(Role.EDITOR, unit.id()),
                accounts.user(Role.VIEWER, unit.id()));
    }

    /** A word no other test uses, made of letters only (so that analysis keeps it whole). */
    static String marker() {
        return org.factdesk.testing.OwnText.marker();
    }

    Item item(CurrentUser submitter, String text) {
        return intake.submit(submitter, SubmitItem.of(null, text, Platform.FACEBOOK))
                .item();
    }

    /** A case opened on a new item of {@code text}, with these claims. */
    Case open(Team team, String text, String... claims) {
        Item item = item(team.checker(), text);
        return cases.open(
                team.checker(),
                new OpenCase(
                        team.unit().id(),
                        claims[0],
                        List.of(claims).stream()
                                .map(claim -> new NewClaim(claim, null))
                                .toList(),
                        List.of(item.id())));
    }

    /** Publishes a fact-check of these claims through the real workflow: open, triage, evidence, verdict, approve. */
    Case publish(Team team, Rating rating, String... claims) {
        Case kase = open(team, claims[0] + " chia sẻ ngay " + marker(), claims);
        cases.triage(team.checker(), kase.id(), 1, List.of("covid-19"));
        cases.assign(team.checker(), kase.id(), team.checker().id());
        cases.addEvidence(
                team.checker(),
                kase.id(),
                new NewEvidence.Link("https://www.who.int/news-room/myth-busters", "WHO myth busters", null));
        cases.proposeVerdict(team.checker(), kase.id(), rating, "Không có bằng chứng nào cho thấy điều này.");
        return cases.approve(team.editor(), kase.id());
    }

    /** Waits until the listeners of every event published so far are done (index refreshed, items matched). */
    void awaitEventListeners() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        > 0
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
    }

    static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            sleep();
            value = probe.get();
        }
        return value;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
