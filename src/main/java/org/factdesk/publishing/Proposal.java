package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A change of a public fact-check waiting for a second editor: a correction (with the revised article) or a
 * withdrawal (with its reason in {@code why}).
 */
public record Proposal(
        Kind kind, @Nullable Article revised, @Nullable String what, String why, UserId proposedBy, Instant at) {

    public enum Kind {
        CORRECTION,
        WITHDRAWAL
    }
}
