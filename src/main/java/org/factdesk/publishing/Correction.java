package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.shared.UserId;

/** One published correction: what changed and why, who proposed it, who approved it, when it went public. */
public record Correction(String what, String why, UserId proposedBy, UserId approvedBy, Instant at) {}
