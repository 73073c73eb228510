package org.factdesk.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of intake.
 *
 * @param maxTextLength longest accepted item text, in characters; longer submissions are refused, not cut
 * @param maxNoteLength longest accepted note
 * @param fingerprintBatch how many items without a fingerprint are read at a time when they are fingerprinted
 */
@ConfigurationProperties("factdesk.intake")
public record IntakeProperties(
        @DefaultValue("20000") int maxTextLength,
        @DefaultValue("2000") int maxNoteLength,
        @DefaultValue("500") int fingerprintBatch) {}
