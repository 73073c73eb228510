package org.factdesk.shared;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Where a piece of content was seen. */
public enum Platform {
    FACEBOOK,
    YOUTUBE,
    TIKTOK,
    ZALO,
    TELEGRAM,
    X,
    WEBSITE,
    OTHER;

    private static final Map<String, Platform> HOSTS = Map.ofEntries(
            Map.entry("facebook.com", FACEBOOK),
            Map.entry("fb.com", FACEBOOK),
            Map.entry("fb.watch", FACEBOOK),
            Map.entry("youtube.com", YOUTUBE),
            Map.entry("youtu.be", YOUTUBE),
            Map.entry("tiktok.com", TIKTOK),
            Map.entry("zalo.me", ZALO),
            Map.entry("t.me", TELEGRAM),
            Map.entry("telegram.me", TELEGRAM),
            Map.entry("x.com", X),
            Map.entry("twitter.com", X));

    /**
     * The platform a link belongs to, by its host or any parent domain of it ({@code m.facebook.com} is Facebook);
     * {@link #WEBSITE} for any other host, and for what is not a link.
     */
    public static Platform ofUrl(@Nullable String url) {
        if (url == null) {
            return WEBSITE;
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException notAUrl) {
            return WEBSITE;
        }
        if (host == null) {
            return WEBSITE;
        }
        host = host.toLowerCase(Locale.ROOT);
        while (true) {
            Platform platform = HOSTS.get(host);
            if (platform != null) {
                return platform;
            }
            int dot = host.indexOf('.');
            if (dot < 0) {
                return WEBSITE;
            }
            host = host.substring(dot + 1);
        }
    }
}
