package org.factdesk.intake;

/** The stored item, and whether the submission was a duplicate of an item already stored. */
public record SubmissionResult(Item item, boolean duplicate) {}
