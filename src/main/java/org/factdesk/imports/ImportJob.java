package org.factdesk.imports;

import java.time.Instant;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * One file imported (or being imported), known by the SHA-256 of its bytes.
 *
 * @param nextLine the first line not yet committed (1-based); the checkpoint with {@code nextOffset}, the byte it
 *     starts at
 * @param rowsRead rows read and committed so far (imported, duplicates and rejected)
 * @param failure the message key of why the job failed, when it did
 */
public record ImportJob(
        ImportId id,
        String sha256,
        ImportFormat format,
        UnitId unit,
        String fileName,
        long sizeBytes,
        ImportState state,
        long nextLine,
        long nextOffset,
        long rowsRead,
        long imported,
        long duplicates,
        long rejected,
        @Nullable String failure,
        @Nullable String failureDetail,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt) {

    /** How far the file is read, in percent of its bytes (100 once done). */
    public int percent() {
        if (state == ImportState.DONE || sizeBytes == 0) {
            return state == ImportState.DONE ? 100 : 0;
        }
        return (int) Math.min(100, nextOffset * 100 / sizeBytes);
    }

    public boolean finished() {
        return state != ImportState.RUNNING;
    }

    /** The command line's summary: {@code imported N, duplicates D, rejected R}. */
    public String summary() {
        return "imported " + imported + ", duplicates " + duplicates + ", rejected " + rejected;
    }
}
