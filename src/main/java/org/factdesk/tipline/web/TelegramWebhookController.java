package org.factdesk.tipline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.factdesk.tipline.TiplineProperties;
import org.factdesk.tipline.telegram.TelegramUpdates;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /hooks/telegram}: the webhook Telegram calls with each update. Telegram sends the secret given to
 * {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}; a request without it, or with another, gets 401 and
 * nothing is read or stored. Every update that is understood gets 200, even when it is ignored, or Telegram would
 * retry it.
 */
@RestController
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramUpdates updates;
    private final TiplineProperties.Telegram settings;
    private final JsonMapper json;

    TelegramWebhookController(TelegramUpdates updates, TiplineProperties properties, JsonMapper json) {
        this.updates = updates;
        this.settings = properties.telegram();
        this.json = json;
    }

    @PostMapping("/hooks/telegram")
    ResponseEntity<Void> update(
            @RequestHeader(name = SECRET_HEADER, required = false) @Nullable String secret,
            @RequestBody(required = false) byte @Nullable [] body) {
        if (!settings.enabled()) {
            return ResponseEntity.notFound().build();
        }
        if (secret == null || !constantTimeEquals(secret, settings.secretToken())) {
            return ResponseEntity.status(401).build();
        }
        JsonNode update;
        try {
            update = body == null ? null : json.readTree(body);
        } catch (JacksonException malformed) {
            return ResponseEntity.badRequest().build();
        }
        if (update == null || !update.isObject()) {
            return ResponseEntity.badRequest().build();
        }
        updates.handle(update);
        return ResponseEntity.ok().build();
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
