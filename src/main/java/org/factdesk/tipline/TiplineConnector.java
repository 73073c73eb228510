package org.factdesk.tipline;

/**
 * A channel through which the public sends tips: the web form, the Telegram bot, and later a Zalo Official Account
 * or a WhatsApp Cloud API number. A connector receives the channel's messages (a webhook, a form), turns each into an
 * {@link IncomingTip} for {@link TiplineService#receive}, answers with the {@link TipOutcome} in the channel's own
 * format, and delivers {@link LaterAnswer}s when a fact-check is published for a waiting tip.
 *
 * <p>Connectors are Spring beans; the tipline finds a tip's connector by {@link #channel()}. A channel that keeps no
 * address to answer later needs none: the web form answers on its result page and stores no sender, so its tips are
 * never delivered to.
 */
public interface TiplineConnector {

    /** A short, stable name, stored with each tip and on its item: {@code web}, {@code telegram}, ... */
    String channel();

    /**
     * Sends a fact-check published after the tip. Only called for tips stored with a sender address.
     *
     * @param sender the address the connector gave in {@link IncomingTip#sender()}
     * @throws RuntimeException when the channel refused it; the tip stays waiting
     */
    void deliver(String sender, LaterAnswer answer);
}
