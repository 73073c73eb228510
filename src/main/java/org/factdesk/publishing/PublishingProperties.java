package org.factdesk.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public site.
 *
 * @param baseUrl where the public reads the site (scheme, host, optional port and path, no trailing slash needed):
 *     canonical URLs, feeds, the sitemap and ClaimReview markup are built on it ({@code FACTDESK_PUBLIC_BASE_URL})
 * @param pageSize fact-checks per page of the public listing
 * @param feedSize entries per feed
 */
@ConfigurationProperties("factdesk.publishing")
public record PublishingProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("12") int pageSize,
        @DefaultValue("50") int feedSize) {

    public PublishingProperties {
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    /** The canonical address of the page at {@code path} (which starts with a slash). */
    public String url(String path) {
        return baseUrl + path;
    }

    public String factCheckUrl(String slug) {
        return url("/fact-checks/" + slug);
    }
}
