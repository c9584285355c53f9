package org.queuedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.testing.TestServer;

/** The real main, in a process of its own, refuses a mistyped flag and exits non-zero. */
class MainIT {

    @Test
    void anUnknownFlagStopsTheStartWithAMessageAndExitStatus2() throws Exception {
        Path dataDir = TestServer.freshDir();
        Path stderr = dataDir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0", "--data-dir", dataDir.toString(), "--retention-day", "7"))
                .redirectError(stderr.toFile())
                .redirectOutput(dataDir.resolve("stdout.txt").toFile())
                .start();
        try {
            // a server that started anyway would run until stopped: give it a bounded time to exit
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process exited by itself").isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(Files.readString(stderr)).contains("unknown flag --retention-day;")
                    .contains("did you mean --retention-days?");
            assertThat(dataDir.resolve("queuedesk.db")).doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }
}
