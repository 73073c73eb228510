package org.factdesk.tipline.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.tipline.IncomingTip;
import org.factdesk.tipline.TipOutcome;
import org.factdesk.tipline.TiplineExceptions.InvalidTip;
import org.factdesk.tipline.TiplineExceptions.TooManyTips;
import org.factdesk.tipline.TiplineProperties;
import org.factdesk.tipline.TiplineService;
import org.factdesk.tipline.internal.TipReplies;
import org.factdesk.tipline.internal.Tips;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Handles the updates Telegram posts to the webhook (https://core.telegram.org/bots/api#update). A private chat's
 * message with text, links or a photo becomes a tip and is answered; /start and /help get the help text; anything
 * else is recorded as ignored. Each update is handled once: Telegram retries an update until the webhook answered
 * 200, and a retry finds its {@code update_id} recorded. The update's record and the tip are written in one
 * transaction, so a failure leaves nothing recorded and Telegram's retry handles it again. Only the chat id and the
 * sender's {@code language_code} are read from the update; names, usernames and profiles are not.
 */
@Component
public class TelegramUpdates {

    /** What became of an update, as recorded. */
    public enum Outcome {
        TIP,
        COMMAND,
        REFUSED,
        IGNORED,
        REPEATED
    }

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final TiplineService tipline;
    private final Tips tips;
    private final TipReplies replies;
    private final TelegramConnector connector;
    private final TiplineProperties.Telegram settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TelegramUpdates(
            TiplineService tipline,
            Tips tips,
            TipReplies replies,
            TelegramConnector connector,
            TiplineProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.tipline = tipline;
        this.tips = tips;
        this.replies = replies;
        this.connector = connector;
        this.settings = properties.telegram();
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Handles one update and sends the reply, if any.
     *
     * @throws InvalidTip when the body is not an update (no numeric {@code update_id})
     */
    public Outcome handle(JsonNode update) {
        JsonNode id = update.path("update_id");
        if (!id.isIntegralNumber()) {
            throw new InvalidTip("tipline.error.not-an-update");
        }
        long updateId = id.asLong();
        if (tips.updateRecorded(TelegramConnector.CHANNEL, updateId)) {
            return Outcome.REPEATED;
        }
        JsonNode message = update.path("message");
        String kind = kind(update);
        if (!message.isObject()
                || !"private".equals(message.path("chat").path("type").asString(""))) {
            return record(updateId, Outcome.IGNORED, kind);
        }
        String chatId = message.path("chat").path("id").asString("");
        if (chatId.isEmpty()) {
            return record(updateId, Outcome.IGNORED, kind);
        }
        String text = firstNonBlank(
                message.path("text").asString(null), message.path("caption").asString(null));
        Language language = language(message.path("from").path("language_code").asString(""), text);
        if (text != null && text.startsWith("/")) {
            Outcome outcome = record(updateId, Outcome.COMMAND, "command");
            if (outcome == Outcome.COMMAND) {
                send(chatId, replies.help(language));
            }
            return outcome;
        }
        JsonNode photos = message.path("photo");
        if (text == null && !(photos.isArray() && !photos.isEmpty())) {
            // A sticker, a voice note, a location...: nothing to check; say what the bot takes.
            Outcome outcome = record(updateId, Outcome.IGNORED, "message-without-text");
            if (outcome == Outcome.IGNORED) {
                send(chatId, replies.help(language));
            }
            return outcome;
        }
        byte @Nullable [] photo = null;
        if (photos.isArray() && !photos.isEmpty()) {
            photo = download(largest(photos));
            if (photo == null && text == null) {
                Outcome outcome = record(updateId, Outcome.REFUSED, "photo");
                if (outcome == Outcome.REFUSED) {
                    send(chatId, replies.refusal(language, "tipline.reply.photo-failed"));
                }
                return outcome;
            }
        }
        IncomingTip tip = new IncomingTip(
                TelegramConnector.CHANNEL,
                Long.toString(updateId),
                text,
                links(message, text),
                Platform.TELEGRAM,
                photo,
                language,
                chatId,
                "chat:" + chatId,
                null);
        String reply;
        Outcome outcome;
        try {
            Optional<TipOutcome> received = transactions.execute(status -> {
                if (!tips.recordUpdate(
                        TelegramConnector.CHANNEL, updateId, Outcome.TIP.name(), kind, clock.instant())) {
                    return Optional.empty();
                }
                return Optional.of(tipline.receive(tip));
            });
            if (received == null || received.isEmpty() || received.get().repeated()) {
                return Outcome.REPEATED;
            }
            outcome = Outcome.TIP;
            reply = replies.answer(received.get());
        } catch (TooManyTips tooMany) {
            outcome = record(updateId, Outcome.REFUSED, "too-many");
            reply = outcome == Outcome.REFUSED && tooMany.firstRefusal()
                    ? replies.refusal(language, tooMany.messageKey(), tooMany.arguments())
                    : null;
        } catch (DomainException refused) {
            outcome = record(updateId, Outcome.REFUSED, kind);
            reply = outcome == Outcome.REFUSED
                    ? replies.refusal(language, refused.messageKey(), refused.arguments())
                    : null;
        }
        if (reply != null) {
            send(chatId, reply);
        }
        return outcome;
    }

    private Outcome record(long updateId, Outcome outcome, String kind) {
        Boolean recorded = transactions.execute(status ->
                tips.recordUpdate(TelegramConnector.CHANNEL, updateId, outcome.name(), kind, clock.instant()));
        return Boolean.TRUE.equals(recorded) ? outcome : Outcome.REPEATED;
    }

    private void send(String chatId, String text) {
        try {
            connector.api().sendMessage(chatId, text);
        } catch (RuntimeException failed) {
            // The tip is stored; Telegram must not retry the update because the answer could not be sent.
            log.warn("Could not answer a Telegram chat: {}", failed.toString());
        }
    }

    private byte @Nullable [] download(JsonNode photo) {
        String fileId = photo.path("file_id").asString("");
        long declared = photo.path("file_size").asLong(0);
        long max = settings.maxPhotoSize().toBytes();
        if (fileId.isEmpty() || declared > max) {
            return null;
        }
        try {
            TelegramBotApi api = connector.api();
            return api.download(api.filePath(fileId), max);
        } catch (RuntimeException failed) {
            log.warn("Could not download a Telegram photo: {}", failed.toString());
            return null;
        }
    }

    /** Telegram sends each photo in several sizes; the largest is kept. */
    private static JsonNode largest(JsonNode photos) {
        JsonNode best = photos.get(photos.size() - 1);
        long bestArea = -1;
        for (JsonNode photo : photos.values()) {
            long area = photo.path("width").asLong(0) * photo.path("height").asLong(0);
            if (area > bestArea) {
                best = photo;
                bestArea = area;
            }
        }
        return best;
    }

    /** The links of a message: its {@code url} and {@code text_link} entities (offsets count UTF-16 units). */
    static List<String> links(JsonNode message, @Nullable String text) {
        List<String> links = new ArrayList<>();
        for (String field : List.of("entities", "caption_entities")) {
            for (JsonNode entity : message.path(field).values()) {
                String type = entity.path("type").asString("");
                if (type.equals("text_link")) {
                    String url = entity.path("url").asString("");
                    if (!url.isBlank()) {
                        links.add(url);
                    }
                } else if (type.equals("url") && text != null) {
                    int offset = entity.path("offset").asInt(-1);
                    int length = entity.path("length").asInt(-1);
                    if (offset >= 0 && length > 0 && offset + length <= text.length()) {
                        links.add(text.substring(offset, offset + length));
                    }
                }
            }
        }
        return links;
    }

    private static Language language(String code, @Nullable String text) {
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.startsWith("vi")) {
            return Language.VI;
        }
        if (lower.startsWith("en")) {
            return Language.EN;
        }
        Language detected = Language.detect(text);
        return detected == null ? Language.VI : detected;
    }

    /** The update's kind: the name of its one optional field ({@code message}, {@code edited_message}, ...). */
    private static String kind(JsonNode update) {
        for (var field : update.properties()) {
            if (!field.getKey().equals("update_id")) {
                String name = field.getKey();
                return name.length() <= 40 ? name : name.substring(0, 40);
            }
        }
        return "empty";
    }

    private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        return second != null && !second.isBlank() ? second.strip() : null;
    }
}
