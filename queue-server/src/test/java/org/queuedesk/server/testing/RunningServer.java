package org.queuedesk.server.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;

/**
 * A real server on a random port for each test, as a JUnit extension instead of the same start and close
 * copied into every IT:
 *
 * <pre>{@code
 * private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
 * @RegisterExtension
 * final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);
 * }</pre>
 *
 * An instance field gets a fresh server (and database) for each test; a {@code static} field one server
 * for the whole class. It starts before the class's own {@code @BeforeEach}/{@code @BeforeAll} methods,
 * which may use {@link #api()}, and closes after its {@code @AfterEach}/{@code @AfterAll} methods.
 */
public final class RunningServer implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final Function<Clock, TestServer> starter;
    private final Clock clock;
    private TestServer server;
    private boolean perClass;

    private RunningServer(Function<Clock, TestServer> starter, Clock clock) {
        this.starter = starter;
        this.clock = clock;
    }

    /** No demo data; every caller may do everything ({@link OpenAccessAuthenticator}). */
    public static RunningServer openAccess() {
        return new RunningServer(TestServer::start, Clock.systemUTC());
    }

    /** The demo site, users and devices; every caller may do everything. */
    public static RunningServer demo() {
        return new RunningServer(TestServer::startDemo, Clock.systemUTC());
    }

    /** The demo site with real sign-in (the built-in provider, demo users and devices): for tests about access. */
    public static RunningServer demoWithSignIn() {
        return new RunningServer(TestServer::startDemoWithSignIn, Clock.systemUTC());
    }

    /** Every caller is the user its token names ({@link NamedUsersAuthenticator}): many users, no sign-in. */
    public static RunningServer namedUsers() {
        return new RunningServer(TestServer::startWithNamedUsers, Clock.systemUTC());
    }

    /** As {@link #namedUsers}, on a PostgreSQL database of its own whichever store the other tests use. */
    public static RunningServer namedUsersOnPostgres() {
        return new RunningServer(TestServer::startWithNamedUsersOnPostgres, Clock.systemUTC());
    }

    /** Real sign-in with a configuration of the test's choosing. */
    public static RunningServer configured(UnaryOperator<ServerConfig> configure) {
        return new RunningServer(clock -> TestServer.startWith(clock, configure), Clock.systemUTC());
    }

    /** The server's clock (the system clock unless set): a {@link MutableClock} lets the test move time. */
    public RunningServer withClock(Clock clock) {
        return new RunningServer(starter, clock);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // only a static field's extension is called here
        perClass = true;
        server = starter.apply(clock);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            server = starter.apply(clock);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private TestServer running() {
        if (server == null) {
            throw new IllegalStateException("the server runs only during a test: register RunningServer with"
                    + " @RegisterExtension and use it from @BeforeEach, @BeforeAll or a test");
        }
        return server;
    }

    public Api api() {
        return running().api();
    }

    public String baseUrl() {
        return running().baseUrl();
    }

    public int port() {
        return running().port();
    }

    public Path dataDir() {
        return running().dataDir();
    }

    public QueueServer server() {
        return running().server();
    }
}
