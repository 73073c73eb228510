package org.factdesk.intake.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.factdesk.intake.fetch.FetchFailed.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher against real HTTP servers on loopback, with and without loopback on the allow-list. */
class LinkFetcherTests {

    private static final String PAGE = "<html><head><title>Tin đồn</title></head><body>Nước chanh</body></html>";

    HttpServer server;
    String base;
    List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    /** Loopback is allowed: the loopback server stands in for a site on the internet. */
    LinkFetcher allowingLoopback =
            new LinkFetcher(FetchProperties.allowing("127.0.0.1"), InetAddress::getAllByName, Clock.systemUTC());

    /** The production rules: no allow-list. */
    LinkFetcher strict = new LinkFetcher(FetchProperties.allowing(), InetAddress::getAllByName, Clock.systemUTC());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", exchange -> {
            record(exchange);
            String etag = "\"v1\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            exchange.getResponseHeaders().add("ETag", etag);
            send(exchange, 200, PAGE.getBytes(UTF_8));
        });
        server.createContext("/moved", exchange -> redirect(exchange, "/page"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/to-private", exchange -> redirect(exchange, "http://10.0.0.1/admin"));
        server.createContext(
                "/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/missing", exchange -> send(exchange, 404, "gone".getBytes(UTF_8)));
        server.createContext("/busy", exchange -> send(exchange, 503, "later".getBytes(UTF_8)));
        server.createContext("/zip", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/zip");
            send(exchange, 200, new byte[] {0x50, 0x4b, 3, 4});
        });
        server.createContext("/huge", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
            streamZeros(exchange, 50L * 1024 * 1024);
        });
        server.createContext("/huge-chunked", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            streamZeros(exchange, 50L * 1024 * 1024);
        });
        server.createContext("/drip", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException closed) {
                // the client gave up
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void fetchesAPageWithItsHeadersBytesAndHash() throws Exception {
        Fetched page = allowingLoopback.fetch(FetchRequest.of(base + "/page", "text/html"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.charset()).isEqualTo("UTF-8");
        assertThat(new String(page.body(), UTF_8)).isEqualTo(PAGE);
        assertThat(page.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(PAGE.getBytes(UTF_8))));
        assertThat(page.header("ETag")).isEqualTo("\"v1\"");
        assertThat(page.headers()).containsKey("content-type");
        assertThat(requests.get(0))
                .containsEntry("user-agent", FetchProperties.allowing().userAgent());
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() {
        Fetched page = allowingLoopback.fetch(FetchRequest.of(base + "/moved", "text/*"));

        assertThat(page.requestedUrl()).isEqualTo(base + "/moved");
        assertThat(page.finalUrl()).isEqualTo(base + "/page");
        assertThat(new String(page.body(), UTF_8)).isEqualTo(PAGE);
    }

    @Test
    void sendsConditionalHeadersAndReportsNotModified() {
        Fetched again = allowingLoopback.fetch(
                FetchRequest.of(base + "/page", "text/html").conditional("\"v1\"", "Sat, 28 Nov 2026 05:00:00 GMT"));

        assertThat(again.notModified()).isTrue();
        assertThat(again.body()).isEmpty();
        assertThat(requests.get(0))
                .containsEntry("if-none-match", "\"v1\"")
                .containsEntry("if-modified-since", "Sat, 28 Nov 2026 05:00:00 GMT");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://127.0.0.2:8080/",
                "http://localhost/",
                "http://[::1]/",
                "http://10.0.0.1/",
                "http://10.255.255.255/",
                "http://172.16.0.1/",
                "http://172.31.255.1/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/",
                "http://0.0.0.0/",
                "http://224.0.0.1/",
                "http://[fd00:ec2::254]/",
                "http://[fe80::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:a9fe:a9fe]/",
                "http://[64:ff9b::a00:1]/",
                "http://[2002:7f00:1::]/",
                "http://[ff02::1]/"
            })
    void refusesLoopbackPrivateLinkLocalMulticastAndMetadataAddresses(String url) {
        FetchFailed refused = catchThrowableOfType(FetchFailed.class, () -> strict.fetch(FetchRequest.of(url)));

        assertThat(refused).as(url).isNotNull();
        assertThat(refused.reason()).as(url).isEqualTo(Reason.ADDRESS_REFUSED);
        assertThat(refused.messageKey()).isEqualTo("intake.fetch.error.address-refused");
        assertThat(refused.retryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://0177.0.0.1/",
                "http://0177.0.0.1:8193/h",
                "http://0x7f000001/",
                "http://017700000001/",
                "http://2130706433/",
                "http://192.168.001.001/",
                "http://127.1/",
                "http://10.1/",
                "http://0xa9.254.169.254/",
                "http://1.2.3.4.5/"
            })
    void refusesNumericHostsThatProgramsReadDifferently(String url) {
        // Browsers and curl read 0177.0.0.1 as 127.0.0.1; Java read it as 177.0.0.1 and fetched a public address.
        // (Java's URI does not take 127.1 or 0xa9.254.169.254 as a host at all: refused as not a web address.)
        FetchFailed refused = catchThrowableOfType(FetchFailed.class, () -> strict.fetch(FetchRequest.of(url)));

        assertThat(refused).as(url).isNotNull();
        assertThat(refused.reason()).as(url).isIn(Reason.NUMERIC_HOST, Reason.INVALID_URL);
        assertThat(refused.retryable()).isFalse();
        assertThat(AddressRules.ambiguousNumber(
                        url.substring("http://".length()).replaceAll("[:/].*", "")))
                .as(url)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://facebook.com@evil.example/post", "https://user:secret@example.org/", "http://a@[::1]/"})
    void refusesLinksThatCarryAUserNameOrPassword(String url) {
        FetchFailed refused = catchThrowableOfType(FetchFailed.class, () -> strict.fetch(FetchRequest.of(url)));

        assertThat(refused).as(url).isNotNull();
        assertThat(refused.reason()).as(url).isEqualTo(Reason.CREDENTIALS_IN_URL);
        assertThat(refused.retryable()).isFalse();
        assertThat(requests).isEmpty();
    }

    @Test
    void plainDecimalAddressesAndHexLookingNamesAreNotNumericHosts() {
        assertThat(AddressRules.ambiguousNumber("203.0.113.5")).isFalse();
        assertThat(AddressRules.ambiguousNumber("0.0.0.0")).isFalse();
        assertThat(AddressRules.ambiguousNumber("cafe.be")).isFalse();
        assertThat(AddressRules.ambiguousNumber("dead.beef")).isFalse();
        assertThat(AddressRules.ambiguousNumber("vnexpress.net")).isFalse();
        assertThat(AddressRules.ambiguousNumber("::1")).isFalse();
        assertThat(AddressRules.ambiguousNumber("203.0.113.05")).isTrue();
        assertThat(AddressRules.ambiguousNumber("256.0.0.1")).isTrue();
    }

    @Test
    void refusesTheLoopbackServerItselfWithoutTheAllowList() {
        assertThatThrownBy(() -> strict.fetch(FetchRequest.of(base + "/page")))
                .isInstanceOfSatisfying(
                        FetchFailed.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.ADDRESS_REFUSED));
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesADnsNameThatResolvesToAPrivateAddress() {
        LinkFetcher rebinding = new LinkFetcher(
                FetchProperties.allowing(),
                host -> host.equals("news.example")
                        ? new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")}
                        : InetAddress.getAllByName(host),
                Clock.systemUTC());

        assertThatThrownBy(() -> rebinding.fetch(FetchRequest.of("http://news.example/story")))
                .isInstanceOfSatisfying(FetchFailed.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.ADDRESS_REFUSED);
                    assertThat(refused.arguments()).containsExactly("news.example", "10.1.2.3");
                });
    }

    @Test
    void checksEveryRedirectHop() {
        for (String path : List.of("/to-private", "/to-metadata")) {
            assertThatThrownBy(() -> allowingLoopback.fetch(FetchRequest.of(base + path)))
                    .as(path)
                    .isInstanceOfSatisfying(
                            FetchFailed.class,
                            refused -> assertThat(refused.reason()).isEqualTo(Reason.ADDRESS_REFUSED));
        }
        assertThatThrownBy(() -> allowingLoopback.fetch(FetchRequest.of(base + "/to-file")))
                .isInstanceOfSatisfying(
                        FetchFailed.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.SCHEME_REFUSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "jar:file:/x!/y"})
    void refusesSchemesOtherThanHttpAndHttps(String url) {
        assertThatThrownBy(() -> strict.fetch(FetchRequest.of(url)))
                .isInstanceOfSatisfying(
                        FetchFailed.class,
                        refused -> assertThat(refused.reason()).isIn(Reason.SCHEME_REFUSED, Reason.INVALID_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "http://", "http:///path", "//example.org/x"})
    void refusesWhatIsNotAUrl(String url) {
        assertThatThrownBy(() -> strict.fetch(FetchRequest.of(url)))
                .isInstanceOfSatisfying(
                        FetchFailed.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.INVALID_URL));
    }

    @Test
    void stopsARedirectLoop() {
        assertThatThrownBy(() -> allowingLoopback.fetch(FetchRequest.of(base + "/loop")))
                .isInstanceOfSatisfying(FetchFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
                    assertThat(failed.arguments()).containsExactly(5);
                });
        assertThat(requests).isEmpty(); // redirect handlers do not record; nothing was read as a page
    }

    @Test
    void reportsMissingPagesAsFinalAndServerErrorsAsRetryable() {
        FetchFailed missing = catchThrowableOfType(
                FetchFailed.class, () -> allowingLoopback.fetch(FetchRequest.of(base + "/missing")));
        FetchFailed busy =
                catchThrowableOfType(FetchFailed.class, () -> allowingLoopback.fetch(FetchRequest.of(base + "/busy")));

        assertThat(missing.reason()).isEqualTo(Reason.HTTP_STATUS);
        assertThat(missing.httpStatus()).isEqualTo(404);
        assertThat(missing.retryable()).isFalse();
        assertThat(busy.httpStatus()).isEqualTo(503);
        assertThat(busy.retryable()).isTrue();
    }

    @Test
    void refusesATypeTheCallerCannotUse() {
        assertThatThrownBy(() -> allowingLoopback.fetch(FetchRequest.of(base + "/zip", "text/html", "image/*")))
                .isInstanceOfSatisfying(FetchFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo(Reason.WRONG_TYPE);
                    assertThat(failed.arguments()[0]).isEqualTo("application/zip");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/huge", "/huge-chunked"})
    void refusesAFiftyMegabyteResponseWithoutReadingItAll(String path) {
        assertThatThrownBy(() -> allowingLoopback.fetch(FetchRequest.of(base + path)))
                .isInstanceOfSatisfying(FetchFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(failed.arguments()).containsExactly("5 MB");
                    assertThat(failed.retryable()).isFalse();
                });
    }

    @Test
    void givesUpOnAServerThatNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(30_000);
                } catch (IOException | InterruptedException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            LinkFetcher impatient = new LinkFetcher(
                    FetchProperties.allowing("127.0.0.1").withTimeout(Duration.ofMillis(500)),
                    InetAddress::getAllByName,
                    Clock.systemUTC());

            assertThatThrownBy(() ->
                            impatient.fetch(FetchRequest.of("http://127.0.0.1:" + silent.getLocalPort() + "/never")))
                    .isInstanceOfSatisfying(FetchFailed.class, failed -> {
                        assertThat(failed.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(failed.retryable()).isTrue();
                    });
            acceptor.interrupt();
        }
    }

    @Test
    void givesUpOnABodyThatDripsPastTheTimeout() {
        LinkFetcher impatient = new LinkFetcher(
                FetchProperties.allowing("127.0.0.1").withTimeout(Duration.ofMillis(800)),
                InetAddress::getAllByName,
                Clock.systemUTC());

        assertThatThrownBy(() -> impatient.fetch(FetchRequest.of(base + "/drip")))
                .isInstanceOfSatisfying(
                        FetchFailed.class, failed -> assertThat(failed.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void reportsAnUnknownHostAsRetryable() {
        LinkFetcher offline = new LinkFetcher(
                FetchProperties.allowing(),
                host -> {
                    throw new UnknownHostException(host);
                },
                Clock.systemUTC());

        assertThatThrownBy(() -> offline.fetch(FetchRequest.of("https://tin-gia.example/bai-viet")))
                .isInstanceOfSatisfying(FetchFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo(Reason.UNKNOWN_HOST);
                    assertThat(failed.retryable()).isTrue();
                });
    }

    @Test
    void fetchesNothingButTheAllowedHostsWhenToldSo() {
        LinkFetcher intranet = new LinkFetcher(
                FetchProperties.allowing("127.0.0.1").onlyAllowedHosts(),
                host -> switch (host) {
                    case "news.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
                    case "127.0.0.1" -> new InetAddress[] {InetAddress.getLoopbackAddress()};
                    case "10.0.0.1" -> new InetAddress[] {InetAddress.getByName("10.0.0.1")};
                    default -> throw new UnknownHostException(host);
                },
                Clock.systemUTC());

        assertThat(intranet.fetch(FetchRequest.of(base + "/page")).status()).isEqualTo(200);
        for (String url : List.of("http://news.example/story", "https://facebook.com/post/1")) {
            assertThatThrownBy(() -> intranet.fetch(FetchRequest.of(url)))
                    .as(url)
                    .isInstanceOfSatisfying(FetchFailed.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(Reason.HOST_NOT_ALLOWED);
                        assertThat(refused.retryable()).isFalse();
                    });
        }
        assertThatThrownBy(() -> intranet.fetch(FetchRequest.of("http://10.0.0.1/")))
                .isInstanceOfSatisfying(
                        FetchFailed.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.ADDRESS_REFUSED));
    }

    @Test
    void admitsIntranetHostsByNameOrBlock() {
        AddressRules rules = new AddressRules(List.of("intranet.local", "*.so-y-te.gov.internal", "10.20.0.0/16"));

        assertThat(rules.allowsName("INTRANET.local")).isTrue();
        assertThat(rules.allowsName("tin.so-y-te.gov.internal")).isTrue();
        assertThat(rules.allowsName("other.local")).isFalse();
        assertThat(rules.allows(address("10.20.5.1"))).isTrue();
        assertThat(rules.allows(address("10.21.0.1"))).isFalse();
        assertThat(rules.allows(address("127.0.0.1"))).isFalse();
        assertThat(rules.allows(address("93.184.216.34"))).isTrue();
        assertThatThrownBy(() -> new AddressRules(List.of("10.0.0.0/40"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheAllowListFromOneCommaSeparatedSetting() {
        assertThat(FetchProperties.allowing("127.0.0.1, 10.0.0.0/8 ,", "intranet.local")
                        .allowedHosts())
                .containsExactly("127.0.0.1", "10.0.0.0/8", "intranet.local");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private void record(HttpExchange exchange) {
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        requests.add(headers);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void streamZeros(HttpExchange exchange, long total) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException closed) {
            // the client stopped reading, as it should
        }
    }
}
