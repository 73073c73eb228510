package org.factdesk.archive.internal;

import org.factdesk.archive.ArchiveManagement;
import org.factdesk.intake.ItemReceived;
import org.factdesk.intake.ItemsImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every new item with a URL gets its fetch scheduled, after the transaction that stored it committed (the JDBC event
 * publication registry keeps the work until it is done, across restarts). Duplicates raise no event: the original's
 * URL is fetched already. A batch of a bulk import is scheduled as one batch.
 */
@Component
class ArchiveUpkeep {

    private final ArchiveManagement archive;

    ArchiveUpkeep(ArchiveManagement archive) {
        this.archive = archive;
    }

    @ApplicationModuleListener
    void on(ItemReceived event) {
        archive.track(event.item());
    }

    @ApplicationModuleListener
    void on(ItemsImported event) {
        archive.track(event.items());
    }
}
