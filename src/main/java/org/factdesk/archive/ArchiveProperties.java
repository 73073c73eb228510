package org.factdesk.archive;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the link archive. How a URL is fetched (allow-list, timeout, size cap, redirects) is the fetcher's
 * business: {@code factdesk.intake.fetch.*}.
 *
 * @param maxAttempts how many times a URL is tried when it fails in a way that may pass (a timeout, a 503) before it
 *     is given up as FAILED
 * @param retryDelays the wait after the first, second, ... failed attempt; the last one repeats
 * @param excerptLength how much of a page's main text is kept with the link, in characters (at most 10,000)
 */
@ConfigurationProperties("factdesk.archive")
public record ArchiveProperties(
        @DefaultValue("4") int maxAttempts,
        @DefaultValue({"1m", "5m", "30m"}) List<Duration> retryDelays,
        @DefaultValue("5000") int excerptLength) {

    public ArchiveProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("factdesk.archive.max-attempts must be at least 1");
        }
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("factdesk.archive.retry-delays needs at least one delay");
        }
        if (excerptLength < 1 || excerptLength > 10_000) {
            throw new IllegalArgumentException("factdesk.archive.excerpt-length is 1 to 10000 (the column's size)");
        }
        retryDelays = List.copyOf(retryDelays);
    }

    /** The wait after the {@code attempts}-th failed attempt (1 = the first). */
    public Duration delayAfter(int attempts) {
        return retryDelays.get(Math.min(Math.max(attempts, 1), retryDelays.size()) - 1);
    }
}
