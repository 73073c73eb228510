package org.factdesk.intake.internal;

import org.factdesk.intake.IntakeManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the desk is up, fingerprints and clusters the items stored before near-duplicate clusters existed, on a thread
 * of its own so that start-up does not wait for it. Nothing to do (one query) once every item has its fingerprint.
 */
@Component
class FingerprintBackfill {

    private static final Logger log = LoggerFactory.getLogger(FingerprintBackfill.class);

    private final IntakeManagement intake;

    FingerprintBackfill(IntakeManagement intake) {
        this.intake = intake;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(this::run, "intake-fingerprints");
        thread.setDaemon(true);
        thread.start();
    }

    void run() {
        try {
            IntakeManagement.Backfill done = intake.fingerprintMissing();
            if (done.fingerprinted() > 0) {
                log.info(
                        "Fingerprinted {} items stored before near-duplicate clusters; {} joined a cluster",
                        done.fingerprinted(),
                        done.joined());
            }
        } catch (RuntimeException failure) {
            log.warn("Fingerprinting older items stopped; the next start takes it up again", failure);
        }
    }
}
