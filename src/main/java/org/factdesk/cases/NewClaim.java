package org.factdesk.cases;

import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/** A claim to write into a new case; without a language, the language is detected from the text. */
public record NewClaim(String text, @Nullable Language language) {}
