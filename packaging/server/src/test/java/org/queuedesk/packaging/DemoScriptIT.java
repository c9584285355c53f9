package org.queuedesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The newcomer's {@code ./queuedesk demo} where there is no display: it starts only the server, with the demo
 * clinic, says where the web board is, and a signal (Ctrl+C in a terminal is SIGINT) stops the server too.
 * {@code --no-build}: the jar this build made is used (the script's own build is plain Maven).
 */
class DemoScriptIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("queuedesk.repository", "../.."));

    /** SIGINT, as Ctrl+C sends it (SIGTERM runs the same trap; one server start each is costly here). */
    @ParameterizedTest
    @ValueSource(strings = {"INT"})
    void withoutADisplayItStartsTheServerAloneAndASignalStopsIt(String signal, @TempDir Path data) throws Exception {
        var builder = new ProcessBuilder(REPOSITORY.resolve("queuedesk").toString(), "demo", "--no-build");
        builder.environment().keySet().removeIf(name -> name.startsWith("QUEUEDESK_") || name.equals("DISPLAY")
                || name.equals("WAYLAND_DISPLAY"));
        builder.environment().put("QUEUEDESK_PORT", "0");
        builder.environment().put("QUEUEDESK_DATA_DIR", data.toString());
        try (var demo = RunningProcess.start(builder)) {
            String port = demo.awaitLine(Pattern.compile("running at http://localhost:(\\d+)"), Duration.ofSeconds(90))
                    .orElseThrow(() -> new AssertionError("never said where it runs:\n" + demo.output()));
            // the README's demo table: the display device's token opens the board
            assertThat(demo.awaitLine(Pattern.compile("in a browser: (\\S+)"), Duration.ofSeconds(5)))
                    .as(demo.output()).hasValue("http://localhost:" + port + "/display/1?token=qdd_demo-display");
            assertThat(demo.awaitLine(Pattern.compile("(No display here)"), Duration.ofSeconds(5))).as(demo.output())
                    .isPresent();
            assertThat(get("http://127.0.0.1:" + port + "/health").statusCode()).isEqualTo(200);
            assertThat(get("http://127.0.0.1:" + port + "/display/1?token=qdd_demo-display").statusCode())
                    .as("the board it names").isEqualTo(200);
            List<ProcessHandle> children = demo.process().descendants().toList();
            assertThat(children).as("the server, and no desktop app").hasSize(1);
            assertThat(ignoredFromStart(demo.process().pid(), signal.equals("INT") ? 2 : 15))
                    .as("SIG%s was ignored when the script started: bash could not trap it", signal).isFalse();

            ServerDebIT.run("kill", "-s", signal, Long.toString(demo.process().pid())).expectSuccess();

            assertThat(demo.process().waitFor(30, TimeUnit.SECONDS)).as(demo.output()).isTrue();
            for (ProcessHandle child : children) {
                assertThat(child.isAlive()).as("server process " + child.pid()).isFalse();
            }
            assertThat(demo.awaitLine(Pattern.compile("(== Stopped\\.)"), Duration.ofSeconds(5))).isPresent();
            assertThat(demo.process().exitValue()).isEqualTo(signal.equals("INT") ? 130 : 143);
            try {
                get("http://127.0.0.1:" + port + "/health");
                throw new AssertionError("the server still answers on port " + port);
            } catch (ConnectException expected) {
                // stopped
            }
        }
    }

    /** Whether signal {@code number} is ignored by process {@code pid} (its SigIgn mask in /proc). */
    private static boolean ignoredFromStart(long pid, int number) throws java.io.IOException {
        String mask = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow().substring(7).strip();
        return (Long.parseUnsignedLong(mask, 16) & (1L << (number - 1))) != 0;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
