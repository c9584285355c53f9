package org.queuedesk.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options the server's package starts it with ({@code JAVA_OPTS} in its {@code queuedesk.env}), so that a
 * benchmark's server JVM is the one clinics run: with the heap's first touch at start instead of in GC pauses
 * under load, the booking's tail was a different figure (README, "Booking").
 */
final class ShippedJvmOptions {

    /** From the queue-server module's folder, where Maven and the bench scripts run. */
    private static final Path ENV = Path.of("..", "packaging", "server", "src", "deb", "etc", "queuedesk", "queuedesk.env");

    private ShippedJvmOptions() {
    }

    static List<String> read() {
        try {
            return Files.readAllLines(ENV).stream().filter(line -> line.startsWith("JAVA_OPTS=")).findFirst()
                    .map(line -> Arrays.stream(line.substring("JAVA_OPTS=".length()).split("\\s+"))
                            .filter(option -> !option.isBlank()).toList())
                    .orElseThrow(() -> new IllegalStateException(ENV.toAbsolutePath() + " sets no JAVA_OPTS"));
        } catch (IOException e) {
            throw new UncheckedIOException("the server package's JVM options are read from " + ENV.toAbsolutePath(), e);
        }
    }
}
