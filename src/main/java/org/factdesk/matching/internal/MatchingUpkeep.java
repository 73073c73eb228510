package org.factdesk.matching.internal;

import org.factdesk.archive.LinkArchived;
import org.factdesk.cases.CaseClosed;
import org.factdesk.cases.CaseOpened;
import org.factdesk.cases.VerdictApproved;
import org.factdesk.intake.ItemReceived;
import org.factdesk.intake.ItemsImported;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.publishing.ExternalFactCheckImported;
import org.factdesk.publishing.FactCheckPublished;
import org.factdesk.publishing.FactCheckWithdrawn;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the claim index in step with the cases and matches every new item, each after the transaction that caused
 * it committed (the JDBC event publication registry keeps the work until it is done, across restarts).
 */
@Component
class MatchingUpkeep {

    private final MatchingManagement matching;
    private final FactCheckPages pages;

    MatchingUpkeep(MatchingManagement matching, FactCheckPages pages) {
        this.matching = matching;
        this.pages = pages;
    }

    /** Before the application takes requests: a missing, corrupt or outdated index is rebuilt from the database. */
    @EventListener(ApplicationStartedEvent.class)
    void openIndex() {
        matching.openIndex();
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        matching.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(VerdictApproved event) {
        matching.refreshCase(event.caseId());
    }

    @ApplicationModuleListener
    void on(CaseClosed event) {
        matching.refreshCase(event.caseId());
    }

    /** Matches then answer with the public page of the case's fact-check. */
    @ApplicationModuleListener
    void on(FactCheckPublished event) {
        pages.published(event.id(), event.caseId(), event.language(), event.url(), event.publishedAt());
    }

    @ApplicationModuleListener
    void on(FactCheckWithdrawn event) {
        pages.withdrawn(event.id(), event.caseId(), event.url(), event.withdrawnAt());
    }

    /** Other organisations' fact-checks are matched like the desk's own from the moment they are imported. */
    @ApplicationModuleListener
    void on(ExternalFactCheckImported event) {
        matching.indexImported(event);
    }

    @ApplicationModuleListener
    void on(ItemReceived event) {
        matching.matchItem(event.item());
    }

    /** An item that came as a bare link is matched by the page the link led to, once that page is archived. */
    @ApplicationModuleListener
    void on(LinkArchived event) {
        matching.matchFetchedPage(event.item(), event.title(), event.text());
    }

    /** A batch of a bulk import is matched in bulk. */
    @ApplicationModuleListener
    void on(ItemsImported event) {
        matching.matchItems(event.items());
    }
}
