package org.factdesk.tipline;

import java.util.List;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;

/**
 * A tip as a connector hands it to {@link TiplineService}: what the tipper sent, and how to reach them again.
 *
 * @param channel the connector's {@link TiplineConnector#channel()}
 * @param channelMessageId the channel's id of the message, for deduplication; empty when the channel has none
 * @param platform where the tipped content was seen, as far as the channel knows
 * @param photo the bytes of a photo sent with the tip, kept as evidence on the item
 * @param languageHint the tipper's language when the channel tells it; otherwise detected from the text
 * @param sender the channel's opaque address of the tipper (a chat id), stored encrypted only to answer later;
 *     empty when the channel cannot answer later
 * @param abuseKey what abuse limits count by (an address, a chat id); kept in memory only, never stored
 * @param contact what a tipper chose to leave on the web form, stored encrypted with the tip, never on the item
 */
public record IncomingTip(
        String channel,
        @Nullable String channelMessageId,
        @Nullable String text,
        List<String> links,
        Platform platform,
        byte @Nullable [] photo,
        @Nullable Language languageHint,
        @Nullable String sender,
        String abuseKey,
        @Nullable String contact) {

    public IncomingTip {
        links = List.copyOf(links);
    }
}
