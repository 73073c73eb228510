package org.factdesk.tipline;

import java.time.Instant;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;

/** A stored tip as the desk may see it: its reference, channel, item and whether it was answered; nothing personal. */
public record Tip(
        String reference, String channel, ItemId item, Language language, boolean answered, Instant receivedAt) {}
