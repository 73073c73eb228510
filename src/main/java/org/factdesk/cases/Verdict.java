package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A proposed verdict and, once a second person approved it, who did and when. After a send-back the proposal stays
 * as the checker's draft until they propose again.
 */
public record Verdict(
        Rating rating,
        String summary,
        UserId proposedBy,
        Instant proposedAt,
        @Nullable UserId approvedBy,
        @Nullable Instant approvedAt) {

    public boolean approved() {
        return approvedBy != null;
    }

    Verdict approve(UserId editor, Instant at) {
        return new Verdict(rating, summary, proposedBy, proposedAt, editor, at);
    }
}
