package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.UserId;

/** A remark by a member of the unit on a case. */
public record Comment(CommentId id, UserId author, String text, Instant at) {}
