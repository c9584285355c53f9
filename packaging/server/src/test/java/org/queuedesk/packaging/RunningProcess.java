package org.queuedesk.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A started process whose output (stdout and stderr merged) is read line by line as it comes. */
final class RunningProcess implements AutoCloseable {

    private static final String END = "\u0000end";
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private RunningProcess(Process process) {
        this.process = process;
        var reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output unreadable: " + e + ")");
            }
            lines.add(END);
        }, "process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static RunningProcess start(ProcessBuilder builder) throws IOException {
        return new RunningProcess(builder.redirectErrorStream(true).start());
    }

    Process process() {
        return process;
    }

    /** The first group of the first line matching {@code pattern}, waiting for it up to {@code timeout}. */
    Optional<String> awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (String line : seen) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Optional.of(m.groupCount() > 0 ? m.group(1) : line);
            }
        }
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || line.equals(END)) {
                return Optional.empty();
            }
            seen.add(line);
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Optional.of(m.groupCount() > 0 ? m.group(1) : line);
            }
        }
        return Optional.empty();
    }

    /** Everything printed so far, for failure messages. */
    String output() {
        lines.drainTo(seen);
        seen.remove(END);
        return String.join("\n", seen);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
