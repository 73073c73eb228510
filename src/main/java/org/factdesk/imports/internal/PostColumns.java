package org.factdesk.imports.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factdesk.imports.internal.SourceRecord.Problem;
import org.factdesk.intake.Engagement;
import org.factdesk.intake.SubmitItem;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;

/**
 * The columns of an exported post (documented in the README): {@code url}, {@code platform}, {@code text},
 * {@code title}, {@code author_handle}, {@code published_at}, {@code likes}, {@code shares}, {@code comments},
 * {@code views}, {@code language}. Names are matched without regard to case, spaces or hyphens. Every other column is
 * kept as an attribute of the item.
 *
 * <p>FactDesk works on claims and content, never on people: the author handle (and the other columns that name or
 * point to an account, listed in {@link #PERSONAL}) is accepted so that platform exports import unchanged, and dropped:
 * it is neither stored on the item nor kept as an attribute.
 *
 * <p>{@code published_at} becomes the item's time seen: for an exported post it is the one time known, and it puts the
 * copies of a rumour on the days they were posted in the cluster's chart. It is an ISO-8601 instant or offset date-time,
 * or a local date-time (with {@code T} or a space) taken in the desk's time zone; blank means now.
 */
final class PostColumns {

    static final Set<String> KNOWN = Set.of(
            "url", "platform", "text", "title", "published_at", "likes", "shares", "comments", "views", "language");

    /** Columns about the post's author: read, never stored. */
    static final Set<String> PERSONAL = Set.of(
            "author_handle",
            "handle",
            "author",
            "author_name",
            "author_id",
            "author_url",
            "username",
            "user_name",
            "user_id",
            "screen_name",
            "profile_url");

    private static final DateTimeFormatter LOCAL_WITH_SPACE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]");

    private final ZoneId zone;
    private final int maxTextLength;

    PostColumns(ZoneId zone, int maxTextLength) {
        this.zone = zone;
        this.maxTextLength = maxTextLength;
    }

    /** A row as a submission to intake, with its attributes. */
    record Post(SubmitItem submission, Map<String, String> attributes) {}

    /** Either a post or the reason the row is rejected. */
    record Mapped(@Nullable Post post, @Nullable Problem problem) {}

    static String normalize(String column) {
        return column.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    Mapped map(UnitId unit, long line, Map<String, @Nullable String> fields, String excerpt) {
        Map<String, String> known = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable String> field : fields.entrySet()) {
            String name = normalize(field.getKey());
            String value = field.getValue();
            if (value == null || PERSONAL.contains(name)) {
                continue;
            }
            if (KNOWN.contains(name)) {
                known.put(name, value.strip());
            } else if (!value.isBlank()) {
                attributes.put(field.getKey().strip(), value);
            }
        }
        String text = blankToNull(known.get("text"));
        if (text != null && text.length() > maxTextLength) {
            return problem(line, "text", "imports.row.text-too-long", excerpt, text.length(), maxTextLength);
        }
        String platformName = known.getOrDefault("platform", "");
        Platform platform = platform(platformName);
        if (platform == null) {
            return problem(line, "platform", "imports.row.platform", excerpt, platformName);
        }
        Instant published = null;
        String publishedAt = blankToNull(known.get("published_at"));
        if (publishedAt != null) {
            published = instant(publishedAt);
            if (published == null) {
                return problem(line, "published_at", "imports.row.date", excerpt, publishedAt);
            }
        }
        Language language = null;
        String languageCode = blankToNull(known.get("language"));
        if (languageCode != null) {
            try {
                language = Language.fromCode(languageCode);
            } catch (IllegalArgumentException unknown) {
                return problem(line, "language", "imports.row.language", excerpt, languageCode);
            }
        }
        Long[] counts = new Long[4];
        String[] names = {"likes", "shares", "comments", "views"};
        for (int i = 0; i < names.length; i++) {
            String count = blankToNull(known.get(names[i]));
            if (count != null) {
                try {
                    counts[i] = Long.parseLong(count.replace("_", ""));
                } catch (NumberFormatException notNumber) {
                    counts[i] = -1L;
                }
                if (counts[i] < 0) {
                    return problem(line, names[i], "imports.row.count", excerpt, count);
                }
            }
        }
        SubmitItem submission = new SubmitItem(
                unit,
                blankToNull(known.get("url")),
                blankToNull(known.get("title")),
                text,
                platform,
                language,
                published,
                new Engagement(counts[0], counts[1], counts[2], counts[3]),
                null);
        return new Mapped(new Post(submission, attributes), null);
    }

    /** The platform named in an export, or null when unknown; blank is unknown too. */
    static @Nullable Platform platform(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "facebook", "fb" -> Platform.FACEBOOK;
            case "youtube", "yt" -> Platform.YOUTUBE;
            case "tiktok" -> Platform.TIKTOK;
            case "zalo" -> Platform.ZALO;
            case "telegram" -> Platform.TELEGRAM;
            case "x", "twitter" -> Platform.X;
            case "website", "web" -> Platform.WEBSITE;
            case "other" -> Platform.OTHER;
            default -> null;
        };
    }

    @Nullable
    Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notOffset) {
            // tried next as a local date-time
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException notInstant) {
            // tried next as a local date-time
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException notLocal) {
            // tried next with a space
        }
        try {
            return LocalDateTime.parse(value, LOCAL_WITH_SPACE).atZone(zone).toInstant();
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    private static Mapped problem(long line, String column, String reason, String excerpt, Object... arguments) {
        return new Mapped(null, Problem.of(line, column, reason, excerpt, arguments));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
