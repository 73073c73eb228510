package org.factdesk.intake;

import java.time.Instant;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * One piece of content seen in the wild: its URL and/or text, where and when it was seen, how far it spread. The
 * unit that logged it and the user who submitted it are kept for the desk's own workflow; nothing about the
 * post's author is.
 *
 * @param submittedBy the desk user who logged it; empty for a tip from the public
 * @param timesSeen how many times it was submitted; duplicates count here instead of being stored again
 * @param tipChannel the tipline channel it came through ({@code web}, {@code telegram}, ...), or {@code feed} for an
 *     entry of a monitored feed; empty when a desk user logged it
 */
public record Item(
        ItemId id,
        UnitId unit,
        @Nullable String url,
        @Nullable String title,
        @Nullable String text,
        Platform platform,
        Language language,
        Instant seenAt,
        Engagement engagement,
        @Nullable String note,
        ItemStatus status,
        @Nullable CaseId caseId,
        @Nullable UserId submittedBy,
        Instant receivedAt,
        int timesSeen,
        @Nullable String tipChannel) {

    private static final int HEADLINE_LENGTH = 140;

    /** A short line for lists: the title, else the start of the text, else the URL. */
    public String headline() {
        return headline(id, title, text, url);
    }

    /** The headline of an item of this id, title, text and URL; see {@link #headline()}. */
    public static String headline(ItemId id, @Nullable String title, @Nullable String text, @Nullable String url) {
        String source = title != null && !title.isBlank() ? title : text != null && !text.isBlank() ? text : url;
        if (source == null) {
            return id.toString();
        }
        String line = source.strip().replaceAll("\\s+", " ");
        return line.length() <= HEADLINE_LENGTH ? line : line.substring(0, HEADLINE_LENGTH - 1) + "…";
    }
}
