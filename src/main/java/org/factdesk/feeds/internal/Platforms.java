package org.factdesk.feeds.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;

/** The platform of an entry's link, by host: a feed that republishes social posts gives them their platform. */
final class Platforms {

    private static final Map<String, Platform> HOSTS = Map.ofEntries(
            Map.entry("facebook.com", Platform.FACEBOOK),
            Map.entry("fb.com", Platform.FACEBOOK),
            Map.entry("fb.watch", Platform.FACEBOOK),
            Map.entry("youtube.com", Platform.YOUTUBE),
            Map.entry("youtu.be", Platform.YOUTUBE),
            Map.entry("tiktok.com", Platform.TIKTOK),
            Map.entry("zalo.me", Platform.ZALO),
            Map.entry("t.me", Platform.TELEGRAM),
            Map.entry("telegram.me", Platform.TELEGRAM),
            Map.entry("x.com", Platform.X),
            Map.entry("twitter.com", Platform.X));

    private Platforms() {}

    static Platform of(@Nullable String link) {
        if (link == null) {
            return Platform.WEBSITE;
        }
        String host;
        try {
            host = URI.create(link).getHost();
        } catch (IllegalArgumentException notAUrl) {
            return Platform.WEBSITE;
        }
        if (host == null) {
            return Platform.WEBSITE;
        }
        host = host.toLowerCase(Locale.ROOT);
        while (true) {
            Platform platform = HOSTS.get(host);
            if (platform != null) {
                return platform;
            }
            int dot = host.indexOf('.');
            if (dot < 0) {
                return Platform.WEBSITE;
            }
            host = host.substring(dot + 1);
        }
    }
}
