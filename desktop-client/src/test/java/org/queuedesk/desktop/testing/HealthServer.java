package org.queuedesk.desktop.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** A real, tiny HTTP server on the loopback answering {@code GET /health}; the status is settable. */
public final class HealthServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);

    private HealthServer(HttpServer server) {
        this.server = server;
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Also answers {@code GET /api/auth/config} with this JSON (a server of some other release, say). */
    public HealthServer answeringAuthConfig(String json) {
        server.createContext("/api/auth/config", exchange -> {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return this;
    }

    /** On a port the OS picks. */
    public static HealthServer start() {
        return start(0);
    }

    public static HealthServer start(int port) {
        try {
            return new HealthServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nothing listens on (at the time of asking). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static URI addressOf(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI address() {
        return addressOf(port());
    }

    public void answer(int httpStatus) {
        status.set(httpStatus);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
