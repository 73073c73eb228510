package org.factdesk.feeds.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.factdesk.feeds.FeedExceptions.InvalidFeed;

/**
 * Checks a feed URL as typed by a user and gives the key that recognises the same feed typed twice (scheme and host
 * in lower case, default port and fragment dropped). Whether the host may be fetched at all is the fetcher's
 * question, asked when the URL is subscribed to and at every poll.
 */
public final class FeedUrls {

    public static final int MAX_LENGTH = 2048;

    private FeedUrls() {}

    /** The URL, stripped. @throws InvalidFeed when it is not an absolute http(s) URL with a host */
    public static URI check(String raw) {
        String url = raw.strip();
        if (url.isEmpty()) {
            throw new InvalidFeed("feeds.error.url-required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidFeed("feeds.error.url-too-long", MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFeed("feeds.error.invalid-url", abbreviate(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            if (scheme.isEmpty()) {
                throw new InvalidFeed("feeds.error.invalid-url", abbreviate(url));
            }
            throw new InvalidFeed("feeds.error.scheme", scheme);
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null) {
            throw new InvalidFeed("feeds.error.invalid-url", abbreviate(url));
        }
        return uri;
    }

    public static String key(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 79) + "…";
    }
}
