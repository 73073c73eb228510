package org.factdesk.tipline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Telegram Bot API on loopback: a real HTTP server speaking the documented JSON
 * (https://core.telegram.org/bots/api#making-requests) for the methods the tipline calls. It records every call and
 * serves one photo under {@code /file/bot<token>/photos/file_1.png}.
 */
final class BotApiStandIn implements AutoCloseable {

    record Call(String method, JsonNode body) {}

    static final String TOKEN = "123456:TEST-token";
    static final String FILE_PATH = "photos/file_1.png";

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile byte[] photo = new byte[0];

    BotApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/bot" + TOKEN + "/", this::method);
        server.createContext("/file/bot" + TOKEN + "/", this::file);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void servePhoto(byte[] bytes) {
        photo = bytes.clone();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The texts sent to one chat, in order. */
    List<String> messagesTo(String chatId) {
        return calls.stream()
                .filter(call -> call.method().equals("sendMessage"))
                .filter(call -> call.body().path("chat_id").asString("").equals(chatId))
                .map(call -> call.body().path("text").asString(""))
                .toList();
    }

    private void method(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call(method, body));
        String result = switch (method) {
            case "sendMessage" ->
                "{\"ok\":true,\"result\":{\"message_id\":" + calls.size()
                        + ",\"date\":1700000000,\"chat\":{\"id\":"
                        + body.path("chat_id").asString("0")
                        + ",\"type\":\"private\"},\"text\":"
                        + json.writeValueAsString(body.path("text").asString(""))
                        + "}}";
            case "getFile" ->
                "{\"ok\":true,\"result\":{\"file_id\":"
                        + json.writeValueAsString(body.path("file_id").asString(""))
                        + ",\"file_unique_id\":\"u1\",\"file_size\":" + photo.length + ",\"file_path\":\"" + FILE_PATH
                        + "\"}}";
            case "setWebhook" -> "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}";
            default -> null;
        };
        if (result == null) {
            respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        } else {
            respond(exchange, 200, result);
        }
    }

    private void file(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call("file", json.createObjectNode().put("path", path)));
        if (!path.endsWith("/" + FILE_PATH)) {
            respond(exchange, 404, "");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, photo.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(photo);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
