package org.factdesk.tipline.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few methods of the Telegram Bot API the tipline uses (https://core.telegram.org/bots/api), over the JDK's
 * HTTP client: {@code sendMessage}, {@code getFile} and the file download, {@code setWebhook}. Every method answers
 * {@code {"ok": true, "result": ...}} or {@code {"ok": false, "description": ...}}.
 */
public final class TelegramBotApi {

    /** The Bot API refused a call or could not be reached. */
    public static final class TelegramFailure extends RuntimeException {
        TelegramFailure(String message) {
            super(message);
        }

        TelegramFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final String token;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public TelegramBotApi(String baseUrl, String token) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public void sendMessage(String chatId, String text) {
        call("sendMessage", Map.of("chat_id", chatId, "text", text));
    }

    /** The path of a file on the Bot API server, valid for at least an hour. */
    public String filePath(String fileId) {
        JsonNode result = call("getFile", Map.of("file_id", fileId));
        String path = result.path("file_path").asString("");
        if (path.isEmpty()) {
            throw new TelegramFailure("getFile gave no file_path");
        }
        return path;
    }

    /** Downloads a file; refused when it is larger than {@code maxBytes}. */
    public byte[] download(String filePath, long maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/file/bot" + token + "/" + filePath))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new TelegramFailure("File download answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new TelegramFailure("File larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new TelegramFailure("File download failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramFailure("Interrupted", e);
        }
    }

    /** Points the bot's webhook at {@code url}; Telegram will send {@code secret} with every update. */
    public void setWebhook(String url, String secret) {
        call(
                "setWebhook",
                Map.of(
                        "url",
                        url,
                        "secret_token",
                        secret,
                        "allowed_updates",
                        List.of("message"),
                        "drop_pending_updates",
                        false));
    }

    private JsonNode call(String method, Map<String, Object> parameters) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/" + method))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(parameters)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer;
            try {
                answer = json.readTree(response.body());
            } catch (RuntimeException notJson) {
                throw new TelegramFailure(method + " answered " + response.statusCode() + " without JSON");
            }
            if (!answer.path("ok").asBoolean(false)) {
                throw new TelegramFailure(method + " refused (" + response.statusCode() + "): "
                        + answer.path("description").asString(""));
            }
            return answer.path("result");
        } catch (IOException e) {
            throw new TelegramFailure(method + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramFailure("Interrupted", e);
        }
    }
}
