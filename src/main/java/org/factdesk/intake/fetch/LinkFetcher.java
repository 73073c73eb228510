package org.factdesk.intake.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.factdesk.intake.fetch.FetchFailed.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches user-supplied URLs safely. Redirects are followed here, not by the HTTP client, so that every hop is
 * checked: its scheme (http or https only), and every address its host resolves to (see {@link AddressRules}; the
 * allow-list of {@link FetchProperties} admits intranet hosts). A body is read up to the size cap and no longer than
 * the timeout; a larger or slower one is refused, never cut. Only {@link FetchFailed} leaves this class.
 *
 * <p>The HTTP client resolves the host again when it connects; that second lookup is answered from the JVM's address
 * cache (30 s by default), so a DNS answer cannot change between the check and the connection unless the cache
 * expired in between. Java 17 offers no hook to hand the checked address to the client.
 */
@Component
public class LinkFetcher {

    /** Resolves host names; the system resolver in production, a table in tests of the address rules. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "link-fetch-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final FetchProperties properties;
    private final AddressRules rules;
    private final HostResolver resolver;
    private final Clock clock;
    private final HttpClient client;

    @Autowired
    LinkFetcher(FetchProperties properties, Clock clock) {
        this(properties, InetAddress::getAllByName, clock);
    }

    public LinkFetcher(FetchProperties properties, HostResolver resolver, Clock clock) {
        this.properties = properties;
        this.rules = new AddressRules(properties.allowedHosts(), properties.allowedHostsOnly());
        this.resolver = resolver;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Fetched fetch(FetchRequest request) throws FetchFailed {
        Instant deadline = clock.instant().plus(properties.timeout());
        URI uri = parse(request.url());
        for (int hop = 0; ; hop++) {
            check(uri);
            HttpResponse<InputStream> response = send(uri, request, deadline);
            int status = response.statusCode();
            if (isRedirect(status) && response.headers().firstValue("location").isPresent()) {
                close(response.body());
                if (hop >= properties.maxRedirects()) {
                    throw new FetchFailed(Reason.TOO_MANY_REDIRECTS, properties.maxRedirects());
                }
                uri = redirectTarget(
                        uri, response.headers().firstValue("location").get());
                continue;
            }
            return read(request, uri, response, deadline);
        }
    }

    /**
     * Checks the URL as {@link #fetch} does before its first request (syntax, scheme, host resolved and every address
     * allowed), without requesting it: for a URL that is stored now and fetched later, such as a feed's.
     */
    public void check(String url) throws FetchFailed {
        check(parse(url));
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FetchFailed(Reason.INVALID_URL, abbreviate(url));
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            if (uri.getScheme() != null && !isHttp(uri.getScheme())) {
                throw new FetchFailed(Reason.SCHEME_REFUSED, uri.getScheme());
            }
            throw new FetchFailed(Reason.INVALID_URL, abbreviate(url));
        }
        if (uri.getRawUserInfo() != null) {
            // http://facebook.com@evil.example/ goes to evil.example: a link that carries a user name (or a
            // password) is a disguise or a leak, and either way not something to request on anyone's behalf.
            throw new FetchFailed(Reason.CREDENTIALS_IN_URL, uri.getHost());
        }
        return uri;
    }

    private static URI redirectTarget(URI from, String location) {
        try {
            return parse(from.resolve(new URI(location.strip())).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailed(Reason.INVALID_URL, abbreviate(location));
        }
    }

    /** Refuses other schemes, and hosts any of whose addresses is not public unless the allow-list admits it. */
    private void check(URI uri) {
        if (!isHttp(uri.getScheme())) {
            throw new FetchFailed(Reason.SCHEME_REFUSED, uri.getScheme());
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (AddressRules.ambiguousNumber(host)) {
            throw new FetchFailed(Reason.NUMERIC_HOST, host);
        }
        if (rules.allowsName(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            // A desk that fetches only listed hosts has nothing to retry: a name that does not resolve is not listed.
            throw new FetchFailed(properties.allowedHostsOnly() ? Reason.HOST_NOT_ALLOWED : Reason.UNKNOWN_HOST, host);
        }
        if (addresses.length == 0) {
            throw new FetchFailed(Reason.UNKNOWN_HOST, host);
        }
        for (InetAddress address : addresses) {
            if (!rules.allows(address) && rules.refusesUnlisted(address)) {
                throw new FetchFailed(Reason.HOST_NOT_ALLOWED, host);
            }
            if (!rules.allows(address)) {
                throw new FetchFailed(Reason.ADDRESS_REFUSED, host, address.getHostAddress());
            }
        }
    }

    private HttpResponse<InputStream> send(URI uri, FetchRequest request, Instant deadline) {
        Duration left = remaining(deadline);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(left)
                .header("User-Agent", properties.userAgent())
                .header(
                        "Accept",
                        request.acceptedTypes().isEmpty() ? "*/*" : String.join(", ", request.acceptedTypes()))
                .header("Accept-Encoding", "identity");
        if (request.ifNoneMatch() != null) {
            builder.header("If-None-Match", request.ifNoneMatch());
        }
        if (request.ifModifiedSince() != null) {
            builder.header("If-Modified-Since", request.ifModifiedSince());
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchFailed(Reason.TIMEOUT, properties.timeout().toSeconds());
        } catch (SSLException e) {
            throw new FetchFailed(Reason.TLS, uri.getHost());
        } catch (ConnectException e) {
            throw new FetchFailed(Reason.CONNECTION, uri.getHost());
        } catch (IOException e) {
            if (e.getCause() instanceof SSLException) {
                throw new FetchFailed(Reason.TLS, uri.getHost());
            }
            throw new FetchFailed(Reason.CONNECTION, uri.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed(Reason.CONNECTION, uri.getHost());
        } catch (IllegalArgumentException e) {
            throw new FetchFailed(Reason.INVALID_URL, abbreviate(uri.toString()));
        }
    }

    private Fetched read(FetchRequest request, URI uri, HttpResponse<InputStream> response, Instant deadline) {
        int status = response.statusCode();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
                    List<String> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                });
            }
        });
        String declared = response.headers().firstValue("content-type").orElse("");
        String contentType = mediaType(declared);
        if (status == 304) {
            close(response.body());
            return new Fetched(
                    request.url(),
                    uri.toString(),
                    status,
                    contentType,
                    charset(declared),
                    headers,
                    new byte[0],
                    sha256(new byte[0]),
                    clock.instant());
        }
        if (status < 200 || status > 299) {
            close(response.body());
            throw FetchFailed.httpStatus(status, uri.getHost());
        }
        if (!request.accepts(contentType)) {
            close(response.body());
            throw new FetchFailed(
                    Reason.WRONG_TYPE,
                    contentType.isEmpty() ? "?" : contentType,
                    String.join(", ", request.acceptedTypes()));
        }
        long max = properties.maxBytes().toBytes();
        OptionalLong length = response.headers().firstValueAsLong("content-length");
        if (length.isPresent() && length.getAsLong() > max) {
            close(response.body());
            throw new FetchFailed(Reason.TOO_LARGE, megabytes(max));
        }
        byte[] body = readCapped(response.body(), (int) max, deadline);
        return new Fetched(
                request.url(),
                uri.toString(),
                status,
                contentType,
                charset(declared),
                headers,
                body,
                sha256(body),
                clock.instant());
    }

    /** Reads at most {@code max} bytes before the deadline; a watchdog closes the stream of a body that drips. */
    private byte[] readCapped(InputStream in, int max, Instant deadline) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(
                () -> {
                    expired.set(true);
                    close(in);
                },
                Math.max(1, remaining(deadline).toMillis()),
                TimeUnit.MILLISECONDS);
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 64 * 1024));
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > max) {
                    throw new FetchFailed(Reason.TOO_LARGE, megabytes(max));
                }
                out.write(buffer, 0, read);
            }
            if (expired.get()) {
                throw new FetchFailed(Reason.TIMEOUT, properties.timeout().toSeconds());
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (expired.get()) {
                throw new FetchFailed(Reason.TIMEOUT, properties.timeout().toSeconds());
            }
            throw new FetchFailed(Reason.CONNECTION, e.getMessage() == null ? "?" : e.getMessage());
        } finally {
            watchdog.cancel(false);
        }
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new FetchFailed(Reason.TIMEOUT, properties.timeout().toSeconds());
        }
        return left;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean isHttp(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https");
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    static @Nullable String charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String value = pair[1].strip().replace("\"", "");
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " B";
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to read from it either way
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
