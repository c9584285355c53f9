package org.queuedesk.server;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.queuedesk.server.app.QueueServer;
import org.queuedesk.common.json.JsonMapperFactory;
import org.queuedesk.server.app.ServerConfig;
import org.queuedesk.server.backup.Restore;
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
        if (config.restoreFrom() != null) {
            System.exit(restore(config, System.out, System.err));
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

    /** Exit status of a restore that found the backup damaged (nothing is left in the data folder). */
    static final int RESTORE_FAILED = 1;

    /**
     * {@code --restore}: the backup into the (empty) data folder, then the exit status: 0 restored, 2 refused
     * (not a backup folder, or a data folder that is not empty), 1 the backup is damaged.
     */
    static int restore(ServerConfig config, PrintStream out, PrintStream err) {
        try {
            var manifest = new Restore(JsonMapperFactory.create())
                    .into(config.restoreFrom(), config.dataDir(), config.databaseFile().getFileName().toString());
            out.println("queuedesk: restored backup " + manifest.name() + " (taken " + manifest.createdAt()
                    + ", schema version " + manifest.schemaVersion() + ", " + manifest.files().size() + " files) into "
                    + config.dataDir().toAbsolutePath() + "; integrity_check ok. Start the server with --data-dir "
                    + config.dataDir() + ".");
            return 0;
        } catch (Restore.Refused e) {
            err.println("queuedesk: cannot restore: " + e.getMessage());
            return BAD_CONFIGURATION;
        } catch (Restore.Damaged | java.io.IOException | java.io.UncheckedIOException e) {
            err.println("queuedesk: restore failed: " + e.getMessage());
            return RESTORE_FAILED;
        }
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
