package org.factdesk.intake.internal;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Normalises a URL so that the same post shared with different tracking decorations is recognised: lower-case
 * scheme and host, no {@code www.}, no default port, no fragment, no tracking parameters, sorted query, no trailing
 * slash. The result identifies content; it is not meant to be fetched.
 */
public final class UrlNormalizer {

    public static final int MAX_LENGTH = 2048;

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "msclkid",
            "igshid",
            "igsh",
            "si",
            "mibextid",
            "ref",
            "ref_src",
            "ref_url",
            "s",
            "t",
            "feature",
            "_rdr",
            "__cft__",
            "__tn__",
            "rdid",
            "share_url",
            "sfnsn",
            "zarsrc",
            "_nc_ht");

    private UrlNormalizer() {}

    /**
     * The URL without a user name or password before the host ({@code https://user:secret@host/} becomes {@code
     * https://host/}), otherwise as given. A desk has no use for credentials in the links of public posts, and keeping
     * them would show them to every member; {@code http://facebook.com@evil.example/} then reads as what it opens.
     * The host starts after the last {@code @} of the authority, as browsers read it.
     */
    public static String withoutUserInfo(String raw) {
        int scheme = raw.indexOf("://");
        if (scheme < 0) {
            return raw;
        }
        int start = scheme + 3;
        int end = start;
        while (end < raw.length() && "/?#".indexOf(raw.charAt(end)) < 0) {
            end++;
        }
        int at = raw.lastIndexOf('@', end - 1);
        return at < start ? raw : raw.substring(0, start) + raw.substring(at + 1);
    }

    /** The normalised form, or empty when the text is not an absolute http(s) URL with a host. */
    public static Optional<String> normalize(String raw) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty()
                || trimmed.length() > MAX_LENGTH
                || trimmed.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String rawHost = uri.getHost() != null ? uri.getHost() : unicodeHost(uri.getRawAuthority());
        if (!scheme.equals("http") && !scheme.equals("https") || rawHost == null || rawHost.isBlank()) {
            return Optional.empty();
        }
        int port = uri.getPort();
        if (uri.getHost() == null
                && uri.getRawAuthority() != null
                && uri.getRawAuthority().matches(".*:\\d+$")) {
            port = Integer.parseInt(
                    uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf(':') + 1));
        }
        String host;
        try {
            host = IDN.toASCII(rawHost, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        } else if (host.startsWith("m.") || host.startsWith("mobile.")) {
            host = host.substring(host.indexOf('.') + 1);
        }
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder normalized = new StringBuilder("https://").append(host);
        if (!defaultPort) {
            normalized.append(':').append(port);
        }
        normalized.append(path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            normalized.append('?').append(query);
        }
        return Optional.of(normalized.toString());
    }

    /** java.net.URI leaves the host of an internationalised name unparsed; take it from the authority. */
    private static @Nullable String unicodeHost(@Nullable String authority) {
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        return host.replaceFirst(":\\d+$", "");
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
