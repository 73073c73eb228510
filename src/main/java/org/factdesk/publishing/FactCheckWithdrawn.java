package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.shared.CaseId;

/** A published fact-check was withdrawn; its page stays, saying so and why. */
public record FactCheckWithdrawn(FactCheckId id, CaseId caseId, String url, String reason, Instant withdrawnAt) {}
