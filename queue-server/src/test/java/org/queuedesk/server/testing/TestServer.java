package org.queuedesk.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.queuedesk.server.app.Authenticator;
import org.queuedesk.server.app.OpenAccessAuthenticator;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;

/**
 * A real queue server for tests: a fresh SQLite file in a temporary folder, in-process, on a random
 * loopback port. Close it to stop the server (the folder is left for inspection under target/).
 */
public final class TestServer implements AutoCloseable {

    private final QueueServer server;
    private final Path dataDir;
    private final Api api;

    private TestServer(Path dataDir, Clock clock, Authenticator authenticator, boolean demo) {
        this.dataDir = dataDir;
        var base = ServerConfig.forTests(dataDir);
        var config = new ServerConfig(base.host(), 0, dataDir, demo, "UTC", base.sqlite());
        this.server = new QueueServer(config, clock, authenticator).start();
        this.api = new Api(server.baseUrl());
    }

    public static TestServer start(Clock clock) {
        return new TestServer(freshDir(), clock, new OpenAccessAuthenticator(), false);
    }

    public static TestServer startDemo(Clock clock) {
        return new TestServer(freshDir(), clock, new OpenAccessAuthenticator(), true);
    }

    /** Restarts on the same data folder, as after a crash or an upgrade. */
    public static TestServer startOn(Path dataDir, Clock clock) {
        return new TestServer(dataDir, clock, new OpenAccessAuthenticator(), false);
    }

    public static Path freshDir() {
        try {
            Path target = Path.of("target", "test-data");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "server-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return api;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public QueueServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
