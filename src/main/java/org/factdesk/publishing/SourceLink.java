package org.factdesk.publishing;

import org.jspecify.annotations.Nullable;

/** A source the verdict cites, as the public page links it: the case's link evidence. */
public record SourceLink(String title, String url, @Nullable String summary) {}
