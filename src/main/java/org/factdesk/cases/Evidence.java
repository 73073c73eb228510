package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A source consulted for a case.
 *
 * @param url the source, for {@link EvidenceKind#LINK}
 * @param title a short name of the source (for a file, its name unless the checker gave one)
 * @param summary what the source says, in the checker's words; for {@link EvidenceKind#NOTE} the note itself
 * @param file the stored content, for {@link EvidenceKind#FILE}
 */
public record Evidence(
        EvidenceId id,
        EvidenceKind kind,
        @Nullable String url,
        @Nullable String title,
        @Nullable String summary,
        @Nullable EvidenceFile file,
        UserId addedBy,
        Instant addedAt) {}
