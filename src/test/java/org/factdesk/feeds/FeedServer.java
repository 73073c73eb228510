package org.factdesk.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on loopback serving feeds as a news site would: each path answers what the test set, honours
 * If-None-Match / If-Modified-Since when the answer has an ETag / Last-Modified (304, empty body), and records every
 * request with its conditional headers. A path may also hang (never answer until the server closes).
 */
public final class FeedServer implements AutoCloseable {

    /** What a path answers. */
    public record Answer(
            int status,
            String contentType,
            String body,
            @Nullable String etag,
            @Nullable String lastModified,
            boolean hang) {

        public static Answer rss(String body) {
            return new Answer(200, "application/rss+xml; charset=utf-8", body, null, null, false);
        }

        public static Answer atom(String body) {
            return new Answer(200, "application/atom+xml; charset=utf-8", body, null, null, false);
        }

        public static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType, body, null, null, false);
        }

        public static Answer hanging() {
            return new Answer(200, "application/rss+xml", "", null, null, true);
        }

        public Answer withEtag(String etag) {
            return new Answer(status, contentType, body, etag, lastModified, hang);
        }

        public Answer withLastModified(String value) {
            return new Answer(status, contentType, body, etag, value, hang);
        }
    }

    /** One request received. */
    public record Request(
            String path,
            @Nullable String ifNoneMatch,
            @Nullable String ifModifiedSince,
            int status) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a path on this server, as a feed subscription names it. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        Answer answer = answers.get(path);
        try (exchange) {
            if (answer == null) {
                requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 404));
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (answer.hang()) {
                requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 0));
                try {
                    closing.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (answer.etag() != null) {
                exchange.getResponseHeaders().set("ETag", answer.etag());
            }
            if (answer.lastModified() != null) {
                exchange.getResponseHeaders().set("Last-Modified", answer.lastModified());
            }
            boolean notModified = answer.status() == 200
                    && (answer.etag() != null && answer.etag().equals(ifNoneMatch)
                            || answer.etag() == null
                                    && answer.lastModified() != null
                                    && answer.lastModified().equals(ifModifiedSince));
            if (notModified) {
                requests.add(new Request(path, ifNoneMatch, ifModifiedSince, 304));
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            requests.add(new Request(path, ifNoneMatch, ifModifiedSince, answer.status()));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
