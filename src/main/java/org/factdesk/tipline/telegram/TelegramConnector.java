package org.factdesk.tipline.telegram;

import org.factdesk.tipline.LaterAnswer;
import org.factdesk.tipline.TiplineConnector;
import org.factdesk.tipline.TiplineProperties;
import org.factdesk.tipline.internal.TipReplies;
import org.springframework.stereotype.Component;

/** The Telegram bot as a tipline channel: the sender address is the private chat's id. */
@Component
public class TelegramConnector implements TiplineConnector {

    public static final String CHANNEL = "telegram";

    private final TiplineProperties.Telegram settings;
    private final TipReplies replies;
    private final TelegramBotApi api;

    TelegramConnector(TiplineProperties properties, TipReplies replies) {
        this.settings = properties.telegram();
        this.replies = replies;
        this.api = new TelegramBotApi(settings.apiBaseUrl(), settings.botToken());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public TelegramBotApi api() {
        return api;
    }

    @Override
    public void deliver(String sender, LaterAnswer answer) {
        if (!enabled()) {
            throw new IllegalStateException("The Telegram bot is not configured");
        }
        api.sendMessage(sender, replies.later(answer));
    }
}
