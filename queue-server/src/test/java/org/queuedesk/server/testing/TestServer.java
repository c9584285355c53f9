package org.queuedesk.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.queuedesk.server.ground.Authenticator;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;

/**
 * A real queue server for tests: a fresh SQLite file in a temporary folder (or a fresh PostgreSQL database, see
 * {@link TestStore}), in-process, on a random loopback port. Close it to stop the server (the folder is left for inspection under target/).
 */
public final class TestServer implements AutoCloseable {

    private final QueueServer server;
    private final Path dataDir;
    private final Api api;

    private TestServer(Path dataDir, Clock clock, Authenticator authenticator, boolean demo) {
        this(dataDir, clock, authenticator, demo, 0);
    }

    private TestServer(Path dataDir, Clock clock, Authenticator authenticator, boolean demo, int port) {
        this(dataDir, clock, authenticator, ServerConfig.forTests(dataDir).withPort(port).withDemo(demo));
    }

    private TestServer(Path dataDir, Clock clock, Authenticator authenticator, ServerConfig config) {
        this.dataDir = dataDir;
        config = TestStore.apply(config);
        this.server = (authenticator == null ? new QueueServer(config, clock) : new QueueServer(config, clock, authenticator))
                .start();
        this.api = new Api(server.baseUrl());
    }

    public static TestServer start(Clock clock) {
        return new TestServer(freshDir(), clock, new OpenAccessAuthenticator(), false);
    }

    /** Every caller is the user its token names ({@link NamedUsersAuthenticator}): many users, no sign-in. */
    public static TestServer startWithNamedUsers(Clock clock) {
        return new TestServer(freshDir(), clock, new NamedUsersAuthenticator(), false);
    }

    /** As {@link #startWithNamedUsers}, on PostgreSQL whichever store the other tests use. */
    public static TestServer startWithNamedUsersOnPostgres(Clock clock) {
        Path dir = freshDir();
        return new TestServer(dir, clock, new NamedUsersAuthenticator(), TestStore.onPostgres(ServerConfig.forTests(dir)));
    }

    /** With real sign-in (the built-in provider, demo users and devices): for tests about access. */
    public static TestServer startDemoWithSignIn(Clock clock) {
        return new TestServer(freshDir(), clock, null, true);
    }

    /** Real sign-in with a configuration of the test's choosing, e.g. Cognito against cognito-local. */
    public static TestServer startWith(Clock clock, java.util.function.UnaryOperator<ServerConfig> configure) {
        Path dir = freshDir();
        return new TestServer(dir, clock, null, configure.apply(ServerConfig.forTests(dir)));
    }

    public static TestServer startDemo(Clock clock) {
        return new TestServer(freshDir(), clock, new OpenAccessAuthenticator(), true);
    }

    /** Restarts on the same data folder, as after a crash or an upgrade. */
    public static TestServer startOn(Path dataDir, Clock clock) {
        return new TestServer(dataDir, clock, new OpenAccessAuthenticator(), false);
    }

    /** Restarts on the same data folder and the same port, so a connected client finds it again by itself. */
    public static TestServer startOn(Path dataDir, Clock clock, int port) {
        return new TestServer(dataDir, clock, new OpenAccessAuthenticator(), false, port);
    }

    /** Restarts with real sign-in on the same data folder and port. */
    public static TestServer startOnWithSignIn(Path dataDir, Clock clock, int port) {
        return new TestServer(dataDir, clock, null, false, port);
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
