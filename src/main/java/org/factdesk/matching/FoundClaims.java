package org.factdesk.matching;

import org.factdesk.shared.PageOf;

/**
 * A page of claims found by a {@link ClaimQuery}. When the query had a text ({@code ranked}), the claims are the
 * best matches first, with score, band and highlights, and {@code truncated} says whether the text was cut before
 * matching; otherwise they are published fact-checks, the most recent first, with score 0, band NONE and no
 * highlights.
 */
public record FoundClaims(PageOf<DeskMatch> claims, boolean ranked, boolean truncated) {}
