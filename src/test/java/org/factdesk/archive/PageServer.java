package org.factdesk.archive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real web server on 127.0.0.1 (allowed by the desk test context's fetch allow-list) serving pages, redirects,
 * errors, a body too large and a queue of answers per path; and, separately, a socket that accepts connections and
 * never answers. Every request is counted by path.
 */
final class PageServer implements AutoCloseable {

    /** One answer: status, content type, body, extra headers. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        static Answer page(String contentType, byte[] body) {
            return new Answer(200, contentType, body, Map.of());
        }

        static Answer status(int status) {
            return new Answer(status, "text/html; charset=utf-8", ("<h1>" + status + "</h1>").getBytes(), Map.of());
        }

        static Answer redirect(String location) {
            return new Answer(302, "text/html", new byte[0], Map.of("Location", location));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final ServerSocket silent;

    PageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A URL whose server accepts the connection (the kernel does) and never sends a byte. */
    String silentUrl() {
        return "http://127.0.0.1:" + silent.getLocalPort() + "/never";
    }

    /** Serves these answers to {@code path} in turn; the last one again and again. */
    void serve(String path, Answer... sequence) {
        answers.put(path, new CopyOnWriteArrayList<>(List.of(sequence)));
    }

    void servePage(String path, String html) {
        serve(path, Answer.page("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (path.equals("/huge")) {
                sendHuge(exchange);
                return;
            }
            List<Answer> queue = answers.get(path);
            Answer answer = queue == null ? Answer.status(404) : queue.size() > 1 ? queue.remove(0) : queue.get(0);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("Server", "PageServer/1.0");
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    /** 50 MB of HTML, chunked (no length announced), produced as it is read; the client is expected to hang up. */
    private static void sendHuge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] block = "<p>lặp lại</p>\n".repeat(4096).getBytes(StandardCharsets.UTF_8);
        long sent = 0;
        try (OutputStream out = exchange.getResponseBody()) {
            while (sent < 50L * 1024 * 1024) {
                out.write(block);
                sent += block.length;
            }
        } catch (IOException hungUp) {
            // what a fetcher with a size cap does
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = PageServer.class.getResourceAsStream("/archive/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            silent.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
