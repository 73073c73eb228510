package org.factdesk.tipline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.publishing.FactCheckId;
import org.factdesk.publishing.FactCheckPublished;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.testing.TestAccounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixtures for tipline tests: cases brought to PUBLISHED through the real workflow, and the {@link FactCheckPublished}
 * event that the publishing module will raise for them, raised here inside a transaction as publishing will.
 */
final class TiplineDesk {

    private final IntakeManagement intake;
    private final CaseManagement cases;
    private final MatchingManagement matching;
    private final TiplineService tipline;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final CurrentUser checker;
    private final CurrentUser editor;
    private final Unit unit;

    TiplineDesk(
            NetworkManagement network,
            IntakeManagement intake,
            CaseManagement cases,
            MatchingManagement matching,
            TiplineService tipline,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.intake = intake;
        this.cases = cases;
        this.matching = matching;
        this.tipline = tipline;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        TestAccounts accounts = new TestAccounts(network);
        this.unit = accounts.unit("Tipline desk");
        this.checker = accounts.user(Role.CHECKER, unit.id());
        this.editor = accounts.user(Role.EDITOR, unit.id());
    }

    /** A word no other test uses, without digits, so that it is one token for matching. */
    static String marker() {
        return org.factdesk.testing.OwnText.marker();
    }

    /** A case on {@code claim} with these items (a new item when none), brought to PUBLISHED. */
    Case publishedCase(String claim, Rating rating, List<ItemId> items) {
        List<ItemId> caseItems = items;
        if (caseItems.isEmpty()) {
            Item item = intake.submit(checker, SubmitItem.of(null, claim + " chia sẻ ngay", Platform.FACEBOOK))
                    .item();
            caseItems = List.of(item.id());
        }
        Case kase = cases.open(checker, new OpenCase(unit.id(), claim, List.of(new NewClaim(claim, null)), caseItems));
        cases.triage(checker, kase.id(), 1, List.of("covid-19"));
        cases.assign(checker, kase.id(), checker.id());
        cases.addEvidence(
                checker,
                kase.id(),
                new NewEvidence.Link("https://www.who.int/news-room/myth-busters", "WHO myth busters", null));
        cases.proposeVerdict(checker, kase.id(), rating, "Không có bằng chứng nào cho thấy điều này.");
        return cases.approve(editor, kase.id());
    }

    /** Raises publishing's event for a published case, as the publishing module does, and returns it. */
    FactCheckPublished announce(Case kase, String headline) {
        FactCheckPublished event = new FactCheckPublished(
                FactCheckId.random(),
                kase.id(),
                kase.unit(),
                "https://factdesk.example.org/vi/kiem-chung/" + kase.id(),
                Language.VI,
                headline,
                kase.claims().get(0).text(),
                kase.verdict().rating(),
                kase.items(),
                Instant.now(),
                false);
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        return event;
    }

    /**
     * Publishes a fact-check of {@code claim} and waits until the tipline knows it and matching finds it with
     * {@code probe}.
     */
    FactCheckPublished published(String claim, String headline, String probe) throws InterruptedException {
        Case kase = publishedCase(claim, Rating.FALSE, List.of());
        FactCheckPublished event = announce(kase, headline);
        eventually(() -> tipline.publicFactCheck(kase.id()), Optional::isPresent);
        eventually(
                () -> matching.match(probe, 10).matches(),
                matches -> matches.stream().anyMatch(m -> m.caseId().equals(kase.id()) && m.published()));
        return event;
    }

    static <T> T eventually(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }
}
