package org.factdesk.feeds.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factdesk.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome. Documents with a DOCTYPE are refused outright (Rome's default,
 * kept explicit here): no DTD is read and no entity is expanded, so a feed cannot make the desk read a local file or
 * call another address (XXE), nor blow up in memory (billion laughs).
 */
public final class FeedParser {

    private static final int MAX_MESSAGE = 300;

    private FeedParser() {}

    /** A feed as read: its title and language, and its entries in document order. */
    public record ParsedFeed(
            @Nullable String title, @Nullable Language language, List<Entry> entries) {}

    /**
     * One entry.
     *
     * @param guid its identity: the guid / id, else its link, else a hash of its title and text
     * @param link its link resolved against the feed's URL; empty when it has none that is http(s)
     * @param text its content, else its summary, as plain text
     */
    public record Entry(
            String guid,
            @Nullable String link,
            @Nullable String title,
            @Nullable String text,
            @Nullable Instant published) {

        /** The SHA-256 of the GUID: the key under which it is recorded. */
        public String key() {
            return sha256(guid);
        }
    }

    /**
     * @param contentType the Content-Type header as received (its charset is used unless the XML declares another)
     * @param baseUrl the URL the feed was read from, for relative links
     * @throws FeedUnreadable when it is not well-formed XML or not a feed
     */
    public static ParsedFeed parse(byte[] body, @Nullable String contentType, String baseUrl) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            feed = input.build(reader);
        } catch (ParsingFeedException malformed) {
            throw new FeedUnreadable(
                    "feeds.error.malformed", message(malformed), Math.max(malformed.getLineNumber(), 0));
        } catch (FeedException | IllegalArgumentException notAFeed) {
            throw new FeedUnreadable("feeds.error.not-a-feed", message(notAFeed));
        } catch (IOException unreadable) {
            throw new FeedUnreadable("feeds.error.malformed", message(unreadable), 0);
        }
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            entries.add(entry(entry, baseUrl));
        }
        return new ParsedFeed(blankToNull(plain(feed.getTitle())), language(feed.getLanguage()), entries);
    }

    private static Entry entry(SyndEntry entry, String baseUrl) {
        String link = link(entry.getLink(), baseUrl);
        String title = blankToNull(plain(entry.getTitle()));
        String text = blankToNull(text(entry));
        String guid = blankToNull(entry.getUri());
        if (guid == null) {
            guid = link != null ? link : "sha256:" + sha256((title == null ? "" : title) + "\n" + text);
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new Entry(guid.strip(), link, title, text, date == null ? null : date.toInstant());
    }

    /** The full content when the entry has one, else its summary. */
    private static @Nullable String text(SyndEntry entry) {
        String contents = entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(value -> value != null && !value.isBlank())
                .map(HtmlText::of)
                .collect(Collectors.joining("\n\n"));
        if (!contents.isBlank()) {
            return contents;
        }
        SyndContent description = entry.getDescription();
        return description == null || description.getValue() == null ? null : HtmlText.of(description.getValue());
    }

    private static @Nullable String link(@Nullable String link, String baseUrl) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = URI.create(baseUrl).resolve(link.strip());
            String scheme =
                    resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && resolved.getHost() != null
                    ? resolved.toString()
                    : null;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static @Nullable Language language(@Nullable String code) {
        String lower = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("vi") || lower.startsWith("vi-")) {
            return Language.VI;
        }
        if (lower.equals("en") || lower.startsWith("en-")) {
            return Language.EN;
        }
        return null;
    }

    private static @Nullable String plain(@Nullable String value) {
        return value == null ? null : HtmlText.of(value).replaceAll("\\s+", " ");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String message(Exception exception) {
        Throwable cause = exception.getCause() != null && exception.getCause().getMessage() != null
                ? exception.getCause()
                : exception;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // the line is an argument of its own; JDOM's "Error on line N:" prefix would say it twice
        message = message.replaceAll("\\s+", " ")
                .replaceFirst("^Error on line \\d+( of document [^:]*)?: ", "")
                .strip();
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
