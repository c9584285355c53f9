package org.queuedesk.server.bench;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.testing.OpenAccessAuthenticator;
import org.slf4j.LoggerFactory;

/**
 * One server instance for {@link PostgresBenchmark}, in a JVM of its own (testing/ServerProcess): the server's
 * command line ({@code --database-url}, {@code --data-dir}, ...) as {@code Main} takes it, but open access as in
 * {@link QueueBenchmark}'s in-process server, so that the same load (no sign-in, no tokens) runs against it.
 * Stops on SIGTERM.
 */
public final class BenchInstance {

    private BenchInstance() {
    }

    public static void main(String[] args) throws InterruptedException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // the environment is left out: a QUEUEDESK_ variable of the shell must not change what is measured
        var server = new QueueServer(ServerConfig.from(args, Map.of()), Clock.systemUTC(), new OpenAccessAuthenticator())
                .start();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bench-instance-shutdown"));
        // what testing/ServerProcess waits for (the server's own line is below the WARN level here)
        System.out.println("QueueDesk server listening on " + server.baseUrl());
        stopped.await();
    }
}
