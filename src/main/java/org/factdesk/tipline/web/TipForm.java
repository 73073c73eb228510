package org.factdesk.tipline.web;

import org.jspecify.annotations.Nullable;

/**
 * The public tip form. {@code website} is a honeypot: hidden from people, filled in by bots; a tip that carries it
 * is refused and nothing is stored.
 */
record TipForm(
        @Nullable String link,
        @Nullable String text,
        @Nullable String contact,
        @Nullable String website) {

    static TipForm empty() {
        return new TipForm(null, null, null, null);
    }
}
