package org.factdesk.archive;

import java.time.Instant;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;

/**
 * What a fetched page says about its own content, from its OpenGraph, Twitter-card, JSON-LD and HTML markup. It
 * describes the content (a post, a video, an article), never a person: the author name is the byline as the page shows
 * it, kept with the content and not linked to anything else.
 *
 * @param platform where the content lives, from the host of its (canonical or final) URL
 * @param authorName the byline or channel name as shown on the page
 * @param publishedAt when the page says the content was published (a date alone counts as its start, UTC)
 * @param text the main text, cut to the configured excerpt length
 * @param canonicalUrl the URL the page names as its own ({@code link rel=canonical}, {@code og:url})
 */
public record PageMetadata(
        Platform platform,
        @Nullable String title,
        @Nullable String description,
        @Nullable String siteName,
        @Nullable String authorName,
        @Nullable Instant publishedAt,
        @Nullable String text,
        @Nullable String canonicalUrl) {

    /** Nothing but the platform: an image, or a page that says nothing about itself. */
    public static PageMetadata only(Platform platform) {
        return new PageMetadata(platform, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return title == null
                && description == null
                && siteName == null
                && authorName == null
                && publishedAt == null
                && text == null
                && canonicalUrl == null;
    }
}
