package org.queuedesk.server;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.server.app.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the queue server; stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /** Exit status of a start refused for its command line or environment (nothing was started). */
    static final int BAD_CONFIGURATION = 2;

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config = configOrNull(args, System.getenv(), System.err);
        if (config == null) {
            System.exit(BAD_CONFIGURATION);
            return;
        }
        config.monitoring().logFormat().install();
        var server = new QueueServer(config, Clock.systemUTC()).start();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            server.close();
            stopped.countDown();
        }, "queuedesk-shutdown"));
        stopped.await();
    }

    /** The configuration, or null after telling the operator on {@code err} what is wrong with it. */
    static ServerConfig configOrNull(String[] args, Map<String, String> env, PrintStream err) {
        try {
            return ServerConfig.from(args, env);
        } catch (IllegalArgumentException e) {
            err.println("queuedesk: " + e.getMessage());
            return null;
        }
    }
}
