package org.queuedesk.server;

import java.time.Clock;
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

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config;
        try {
            config = ServerConfig.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("queuedesk: " + e.getMessage());
            System.exit(2);
            return;
        }
        var server = new QueueServer(config, Clock.systemUTC()).start();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            server.close();
            stopped.countDown();
        }, "queuedesk-shutdown"));
        stopped.await();
    }
}
