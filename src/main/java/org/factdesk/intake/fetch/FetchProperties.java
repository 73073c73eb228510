package org.factdesk.intake.fetch;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the link fetcher.
 *
 * @param allowedHosts host names (exact, or {@code *.example.org} for its sub-domains) and addresses or CIDR blocks
 *     ({@code 10.1.0.0/16}, {@code fd00::/8}) that may be fetched even though they are private: for tests and
 *     intranets. Empty by default: only public addresses are fetched.
 * @param timeout how long one request may take, from connecting to the last byte of the body
 * @param maxBytes the largest body read; a larger response is refused, not cut
 * @param maxRedirects how many redirects are followed
 * @param userAgent what the desk calls itself
 * @param allowedHostsOnly fetch nothing but the allowed hosts, not even public ones: for a desk that must not reach
 *     the internet (an intranet; the test suite, so that no test depends on or calls a real site)
 */
@ConfigurationProperties("factdesk.intake.fetch")
public record FetchProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5MB") DataSize maxBytes,
        @DefaultValue("5") int maxRedirects,

        @DefaultValue("FactDesk/0.1 (misinformation-response desk; archives evidence)")
        String userAgent,

        @DefaultValue("false") boolean allowedHostsOnly) {

    public FetchProperties {
        allowedHosts = allowedHosts.stream()
                .flatMap(entry -> List.of(entry.split(",")).stream())
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("factdesk.intake.fetch.timeout must be positive");
        }
        if (maxBytes.toBytes() <= 0 || maxBytes.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("factdesk.intake.fetch.max-bytes must be between 1 byte and 2 GB");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("factdesk.intake.fetch.max-redirects must not be negative");
        }
    }

    /** The defaults, with these hosts allowed. */
    public static FetchProperties allowing(String... hosts) {
        return new FetchProperties(
                List.of(hosts),
                Duration.ofSeconds(10),
                DataSize.ofMegabytes(5),
                5,
                "FactDesk/0.1 (misinformation-response desk; archives evidence)",
                false);
    }

    /** The same settings, fetching nothing but the allowed hosts. */
    public FetchProperties onlyAllowedHosts() {
        return new FetchProperties(allowedHosts, timeout, maxBytes, maxRedirects, userAgent, true);
    }

    public FetchProperties withTimeout(Duration timeout) {
        return new FetchProperties(allowedHosts, timeout, maxBytes, maxRedirects, userAgent, allowedHostsOnly);
    }

    public FetchProperties withMaxBytes(DataSize maxBytes) {
        return new FetchProperties(allowedHosts, timeout, maxBytes, maxRedirects, userAgent, allowedHostsOnly);
    }
}
