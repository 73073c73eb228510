package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.shared.UserId;

/** Why and when a fact-check was withdrawn, and by whom (the editor who approved it). */
public record Withdrawal(String reason, UserId by, Instant at) {}
