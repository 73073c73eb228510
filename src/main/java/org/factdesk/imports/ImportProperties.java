package org.factdesk.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of imports.
 *
 * @param batchSize rows committed per transaction (with the checkpoint): larger batches are faster, smaller ones
 *     redo less after a kill and show progress more often
 * @param maxUploadBytes largest file accepted through the upload page; the command line has no limit
 * @param maxLineBytes longest physical line read; a longer one is a rejected row, skipped without being held
 */
@ConfigurationProperties("factdesk.imports")
public record ImportProperties(
        @DefaultValue("2000") int batchSize,
        @DefaultValue("2147483648") long maxUploadBytes,
        @DefaultValue("1048576") int maxLineBytes) {}
