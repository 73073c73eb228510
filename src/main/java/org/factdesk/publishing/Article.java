package org.factdesk.publishing;

/**
 * The words of a fact-check that people write: the headline, the claim as checked, the one-paragraph summary and the
 * Markdown body. A correction replaces them as a whole.
 */
public record Article(String headline, String claim, String summary, String body) {}
