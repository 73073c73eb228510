package org.factdesk.tipline.internal;

import org.factdesk.publishing.FactCheckPublished;
import org.factdesk.publishing.FactCheckWithdrawn;
import org.factdesk.tipline.TiplineService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows publishing: every publication updates the tipline's copy of the public fact-checks and answers the tippers
 * waiting for it; a withdrawal takes the fact-check out of the answers. Also erases expired sender addresses.
 */
@Component
class TiplineEvents {

    private final TiplineService tipline;

    TiplineEvents(TiplineService tipline) {
        this.tipline = tipline;
    }

    @ApplicationModuleListener
    void on(FactCheckPublished event) {
        tipline.published(event);
    }

    @ApplicationModuleListener
    void on(FactCheckWithdrawn event) {
        tipline.withdrawn(event);
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void eraseExpiredSenders() {
        tipline.eraseExpiredSenders();
    }
}
