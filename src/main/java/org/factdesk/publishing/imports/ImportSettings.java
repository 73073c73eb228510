package org.factdesk.publishing.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ClaimReview import.
 *
 * @param maxSize the largest document, array or JSONL dump accepted in one import
 * @param maxUrls the most pages one URL-list import fetches
 * @param maxPageSize the largest page read from a URL (larger pages are refused)
 * @param fetchTimeout how long to wait to connect to a page, and again for its response
 * @param allowPrivateAddresses whether pages on loopback, private, link-local or other non-public addresses may be
 *     fetched (off: an import must not become a way to reach the desk's own network)
 * @param userAgent the {@code User-Agent} of page requests
 */
@ConfigurationProperties("factdesk.publishing.imports")
public record ImportSettings(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("200") int maxUrls,
        @DefaultValue("2MB") DataSize maxPageSize,
        @DefaultValue("10s") Duration fetchTimeout,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("FactDesk ClaimReview import") String userAgent) {

    /** The defaults, with private addresses allowed or not (tests). */
    public static ImportSettings defaults(boolean allowPrivateAddresses) {
        return new ImportSettings(
                DataSize.ofMegabytes(10),
                200,
                DataSize.ofMegabytes(2),
                Duration.ofSeconds(10),
                allowPrivateAddresses,
                "FactDesk ClaimReview import");
    }
}
