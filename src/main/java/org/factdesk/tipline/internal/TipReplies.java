package org.factdesk.tipline.internal;

import java.util.Locale;
import org.factdesk.shared.Language;
import org.factdesk.tipline.LaterAnswer;
import org.factdesk.tipline.PublicFactCheck;
import org.factdesk.tipline.TipOutcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The tipline's answers as plain text in the tipper's language, for chat channels (Telegram, later Zalo). */
@Component
public class TipReplies {

    private final MessageSource messages;

    TipReplies(MessageSource messages) {
        this.messages = messages;
    }

    public String answer(TipOutcome outcome) {
        Locale locale = outcome.language().locale();
        if (!outcome.answered()) {
            return text("tipline.reply.thanks", locale, outcome.reference());
        }
        StringBuilder reply = new StringBuilder(text("tipline.reply.matched", locale));
        for (PublicFactCheck factCheck : outcome.answers()) {
            reply.append("\n\n").append(factCheck(factCheck, locale));
        }
        return reply.append("\n\n")
                .append(text("tipline.reply.reference", locale, outcome.reference()))
                .toString();
    }

    public String later(LaterAnswer answer) {
        Locale locale = answer.language().locale();
        return text("tipline.reply.later", locale, answer.reference()) + "\n\n" + factCheck(answer.factCheck(), locale);
    }

    public String help(Language language) {
        return text("tipline.reply.help", language.locale());
    }

    public String refusal(Language language, String messageKey, Object... arguments) {
        return messages.getMessage(messageKey, arguments, language.locale());
    }

    /** The rating's name in the tipper's language. */
    public String rating(PublicFactCheck factCheck, Language language) {
        return text("cases.rating." + factCheck.rating().name(), language.locale());
    }

    private String factCheck(PublicFactCheck factCheck, Locale locale) {
        return text(
                "tipline.reply.fact-check",
                locale,
                factCheck.headline(),
                text("cases.rating." + factCheck.rating().name(), locale),
                factCheck.url());
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
