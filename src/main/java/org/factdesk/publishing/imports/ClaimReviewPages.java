package org.factdesk.publishing.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fetches fact-check pages and returns the contents of their JSON-LD script elements ({@code application/ld+json}).
 * Only http(s); hosts that resolve to loopback, private, link-local, carrier-grade NAT, unique-local or multicast
 * addresses are refused unless {@link ImportSettings#allowPrivateAddresses()}; redirects are followed by hand (at
 * most {@value #MAX_REDIRECTS}) and each hop is checked the same way; connection and response are bounded by
 * {@link ImportSettings#fetchTimeout()} and the body by {@link ImportSettings#maxPageSize()}.
 *
 * <p>The address is checked before the request, and the HTTP client resolves the name again: a DNS answer that
 * changes in between (DNS rebinding) is not caught. Run the desk behind an egress policy where that matters.
 */
public final class ClaimReviewPages {

    static final int MAX_REDIRECTS = 5;

    private final ImportSettings settings;
    private final HttpClient client;

    public ClaimReviewPages(ImportSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The JSON-LD scripts of the page at {@code url}. */
    List<String> jsonLd(String url) throws Refused {
        URI address = URI.create(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requireAllowed(address);
            HttpResponse<InputStream> response = send(address);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                close(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new Refused("fetch-failed", String.valueOf(status));
                }
                address = address.resolve(location.get().strip());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new Refused("fetch-failed", String.valueOf(status));
            }
            byte[] body = body(response);
            String charset = response.headers()
                    .firstValue("Content-Type")
                    .flatMap(ClaimReviewPages::charsetOf)
                    .orElse(null);
            try {
                Document page = Jsoup.parse(new ByteArrayInputStream(body), charset, address.toString());
                return page.select("script[type=application/ld+json]").stream()
                        .map(Element::data)
                        .toList();
            } catch (IOException | IllegalArgumentException unreadable) {
                throw new Refused("fetch-failed", unreadable.getClass().getSimpleName());
            }
        }
        throw new Refused("too-many-redirects", String.valueOf(MAX_REDIRECTS));
    }

    private void requireAllowed(URI address) throws Refused {
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || address.getHost() == null) {
            throw new Refused("bad-url", ClaimReviews.shorten(address.toString()));
        }
        if (settings.allowPrivateAddresses()) {
            return;
        }
        String host = address.getHost();
        try {
            for (InetAddress resolved : InetAddress.getAllByName(host.replaceAll("^\\[|]$", ""))) {
                if (!isPublic(resolved)) {
                    throw new Refused("private-address", host);
                }
            }
        } catch (UnknownHostException unknown) {
            throw new Refused("unknown-host", host);
        }
    }

    /** False for loopback, private, link-local, shared (100.64/10), unique-local, multicast and unspecified ones. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 224;
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;
        }
        return true;
    }

    private HttpResponse<InputStream> send(URI address) throws Refused {
        HttpRequest request = HttpRequest.newBuilder(address)
                .timeout(settings.fetchTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/ld+json;q=0.9,*/*;q=0.5")
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException timeout) {
            throw new Refused(
                    "fetch-timeout", String.valueOf(settings.fetchTimeout().toSeconds()));
        } catch (IOException failed) {
            throw new Refused("fetch-failed", failed.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Refused("fetch-failed", "interrupted");
        }
    }

    private byte[] body(HttpResponse<InputStream> response) throws Refused {
        long max = settings.maxPageSize().toBytes();
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > max) {
            close(response);
            throw new Refused("page-too-large", String.valueOf(max / 1024));
        }
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > max) {
                    throw new Refused("page-too-large", String.valueOf(max / 1024));
                }
            }
            return out.toByteArray();
        } catch (HttpTimeoutException timeout) {
            throw new Refused(
                    "fetch-timeout", String.valueOf(settings.fetchTimeout().toSeconds()));
        } catch (IOException failed) {
            throw new Refused("fetch-failed", failed.getClass().getSimpleName());
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }

    private static Optional<String> charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String trimmed = part.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return Optional.of(trimmed.substring(8).replace("\"", "").strip());
            }
        }
        return Optional.empty();
    }
}
