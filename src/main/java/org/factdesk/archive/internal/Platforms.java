package org.factdesk.archive.internal;

import java.net.URI;
import java.util.Locale;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;

/** The platform a URL belongs to, from its host alone (the host or any parent domain of it). */
public final class Platforms {

    private Platforms() {}

    public static Platform of(@Nullable String url) {
        String host = host(url);
        if (host == null) {
            return Platform.WEBSITE;
        }
        if (within(host, "facebook.com") || within(host, "fb.watch") || within(host, "fb.com")) {
            return Platform.FACEBOOK;
        }
        if (within(host, "youtube.com") || within(host, "youtu.be")) {
            return Platform.YOUTUBE;
        }
        if (within(host, "tiktok.com")) {
            return Platform.TIKTOK;
        }
        if (within(host, "zalo.me")) {
            return Platform.ZALO;
        }
        if (within(host, "t.me") || within(host, "telegram.me")) {
            return Platform.TELEGRAM;
        }
        if (within(host, "x.com") || within(host, "twitter.com")) {
            return Platform.X;
        }
        return Platform.WEBSITE;
    }

    private static boolean within(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static @Nullable String host(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
