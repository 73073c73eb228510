package org.factdesk.cases;

import java.time.Instant;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * One step of a case's workflow, as the timeline shows it.
 *
 * @param from the state before, {@code null} when the case was opened
 * @param subject the user the step was about (the assignee), if any
 * @param detail the value the step set (priority and topics, rating, close reason), if any
 * @param note the free text that came with it (send-back or closing note), if any
 */
public record HistoryEntry(
        CaseAction action,
        @Nullable CaseState from,
        CaseState to,
        UserId actor,
        Instant at,
        @Nullable UserId subject,
        @Nullable String detail,
        @Nullable String note) {}
