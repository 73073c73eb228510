package org.factdesk.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats instants for pages in the user's language and time zone: {@code ${@dates.dateTime(item.receivedAt())}}.
 * The time zone is the installation's ({@code factdesk.time-zone}, Vietnam's by default) unless the request says
 * otherwise.
 */
@Component("dates")
public class Dates {

    public String dateTime(@Nullable Instant instant) {
        return format(instant, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT));
    }

    public String date(@Nullable Instant instant) {
        return format(instant, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    /** A calendar day, as {@link #date(Instant)} writes it. */
    public String day(@Nullable LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(LocaleContextHolder.getLocale())
                        .format(day);
    }

    /** The value for an {@code <input type="datetime-local">}. */
    public String inputValue(@Nullable Instant instant) {
        return format(instant, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    private static String format(@Nullable Instant instant, DateTimeFormatter formatter) {
        if (instant == null) {
            return "";
        }
        TimeZone zone = LocaleContextHolder.getTimeZone();
        return formatter
                .withLocale(LocaleContextHolder.getLocale())
                .format(instant.atZone(zone == null ? ZoneId.systemDefault() : zone.toZoneId()));
    }
}
