package org.factdesk.tipline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the tipline.
 *
 * @param unit name of the unit that receives tips; empty: the network's first unit
 * @param publicBaseUrl prefixed to fact-check URLs that arrive as paths ({@code /fact-checks/...}); empty: as they are
 * @param maxAnswers most fact-checks offered in one answer
 * @param maxTextLength longest tip text, in characters; longer tips are refused, not cut
 * @param maxFormSize largest tip-form request; larger requests are refused before they are read
 * @param formLimit tips accepted from one address per {@code formWindow}
 * @param chatLimit tips accepted from one chat per {@code chatWindow}
 * @param senderRetention how long a tipper's chat id and contact are kept to answer them; erased afterwards
 * @param key AES key (Base64 of 32 bytes) that encrypts chat ids and contacts ({@code FACTDESK_TIPLINE_KEY}); empty:
 *     a key generated once in {@code <data-dir>/tipline/tipline.key}
 */
@ConfigurationProperties("factdesk.tipline")
public record TiplineProperties(
        @DefaultValue("") String unit,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue("3") int maxAnswers,
        @DefaultValue("5000") int maxTextLength,
        @DefaultValue("64KB") DataSize maxFormSize,
        @DefaultValue("5") int formLimit,
        @DefaultValue("10m") Duration formWindow,
        @DefaultValue("20") int chatLimit,
        @DefaultValue("1h") Duration chatWindow,
        @DefaultValue("30d") Duration senderRetention,
        @DefaultValue("") String key,
        @DefaultValue Telegram telegram) {

    /**
     * The Telegram bot.
     *
     * @param botToken the token BotFather gave ({@code FACTDESK_TELEGRAM_BOT_TOKEN}); empty: the webhook is off
     * @param secretToken the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
     *     ({@code FACTDESK_TELEGRAM_SECRET}); empty: the webhook is off
     * @param apiBaseUrl the Bot API server; tests point it at a stand-in
     * @param maxPhotoSize largest photo downloaded from a message
     */
    public record Telegram(
            @DefaultValue("") String botToken,
            @DefaultValue("") String secretToken,
            @DefaultValue("https://api.telegram.org") String apiBaseUrl,
            @DefaultValue("10MB") DataSize maxPhotoSize) {

        public boolean enabled() {
            return !botToken.isBlank() && !secretToken.isBlank();
        }
    }
}
