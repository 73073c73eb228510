package org.factdesk.cases;

import org.factdesk.shared.Language;

/** A checkable statement, written neutrally, in the language it is checked in. */
public record Claim(ClaimId id, String text, Language language) {}
