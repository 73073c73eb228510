package org.factdesk.tipline;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.factdesk.tipline.telegram.TelegramBotApi;

/**
 * {@code java -jar factdesk.jar telegram-webhook --url https://desk.example.org/hooks/telegram}: registers the
 * webhook with the bot's secret, without starting the desk. The bot token and the secret come from
 * {@code FACTDESK_TELEGRAM_BOT_TOKEN} and {@code FACTDESK_TELEGRAM_SECRET} (or {@code --token}, {@code --secret});
 * {@code --api} points at another Bot API server.
 */
public final class TelegramWebhookCommand {

    private TelegramWebhookCommand() {}

    public static int main(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                err.println("Unexpected argument: " + arg);
                return usage(err);
            }
            options.put(arg.substring(2), args[++i]);
        }
        String url = options.getOrDefault("url", "");
        String token = options.getOrDefault("token", environment.getOrDefault("FACTDESK_TELEGRAM_BOT_TOKEN", ""));
        String secret = options.getOrDefault("secret", environment.getOrDefault("FACTDESK_TELEGRAM_SECRET", ""));
        String api = options.getOrDefault(
                "api", environment.getOrDefault("FACTDESK_TELEGRAM_API_BASE_URL", "https://api.telegram.org"));
        if (!url.startsWith("https://")) {
            err.println("--url must be the https:// address of /hooks/telegram (Telegram calls only HTTPS webhooks)");
            return usage(err);
        }
        if (token.isBlank() || !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            err.println(
                    "Set FACTDESK_TELEGRAM_BOT_TOKEN, and FACTDESK_TELEGRAM_SECRET of 1-256 characters A-Z a-z 0-9 _ -");
            return usage(err);
        }
        try {
            new TelegramBotApi(api, token).setWebhook(url, secret);
        } catch (TelegramBotApi.TelegramFailure failed) {
            err.println("Telegram refused: " + failed.getMessage());
            return 1;
        }
        out.println("Webhook set: " + url);
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println("Usage: telegram-webhook --url https://<host>/hooks/telegram [--token T] [--secret S] [--api URL]");
        return 2;
    }
}
