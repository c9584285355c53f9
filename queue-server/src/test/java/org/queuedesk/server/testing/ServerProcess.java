package org.queuedesk.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a JVM of its own, from the test class path: so that a test can kill it with SIGKILL
 * (crash/CrashRecoveryIT, cluster/SeveralInstancesIT), or a benchmark can give each instance its own heap, GC and
 * JIT. Its output goes to a log file, read as it comes; it is ready once it printed its port and /health answers.
 */
public final class ServerProcess {

    /** The server's main class: {@code org.queuedesk.server.Main}, real sign-in. */
    public static final String MAIN = "org.queuedesk.server.Main";
    /** JVM options for a test: a quick start (C1 only) and a small heap, as the tests' servers are short-lived. */
    public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private static final Pattern LISTENING = Pattern.compile("QueueDesk server listening on http://([^:/\\s]+):(\\d+)");
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** {@link #MAIN} with {@link #QUICK_START} and these command-line arguments (e.g. {@code --data-dir}). */
    public static ServerProcess start(Path log, List<String> arguments) {
        return start(log, QUICK_START, MAIN, arguments);
    }

    /**
     * Starts {@code mainClass} with the test class path and waits until it printed "QueueDesk server listening on
     * http://host:port" and its /health answers 200; otherwise kills it and fails, naming the log.
     */
    public static ServerProcess start(Path log, List<String> jvmOptions, String mainClass, List<String> arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + mainClass, e);
        }
        CompletableFuture<String> listening = new CompletableFuture<>();
        var reader = new Thread(() -> copyOutput(process, log, listening), "server-output-" + log.getFileName());
        reader.setDaemon(true);
        reader.start();
        String baseUrl;
        try {
            baseUrl = listening.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            new ServerProcess(process, null).kill();
            throw new AssertionError("the server did not report its port; see " + log, e);
        }
        var ready = new ServerProcess(process, baseUrl);
        ready.awaitHealthy(log);
        return ready;
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<String> listening) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete("http://127.0.0.1:" + m.group(2));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        } finally {
            listening.completeExceptionally(new IllegalStateException("the server's output ended"));
        }
    }

    /** Polls /health until it answers 200, within a bounded deadline. */
    private void awaitHealthy(Path log) {
        var api = new Api(baseUrl);
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (true) {
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not answering yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new AssertionError("the server never became healthy; see " + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The process, e.g. for its CPU time ({@code info().totalCpuDuration()}). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGKILL: {@link Process#destroyForcibly()} on Linux; returns once the process has ended. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the shutdown hook closes the server. */
    public void stopGracefully() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (process.isAlive()) {
            throw new AssertionError("the server process did not end");
        }
    }
}
