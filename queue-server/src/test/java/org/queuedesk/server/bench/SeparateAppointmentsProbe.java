package org.queuedesk.server.bench;

import java.time.Duration;
import java.util.List;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.ServerProcess;
import org.queuedesk.server.testing.TestServer;

/**
 * The appointments section of the benchmark against a SQLite server in a JVM of its own (README, "Booking"), to
 * tell the server's latency from the in-process load's: its latencies count; its CPU lines read this JVM and say 0.
 */
public final class SeparateAppointmentsProbe {

    public static void main(String[] args) throws Exception {
        var dir = TestServer.freshDir().toAbsolutePath();
        // the package's JVM options, then -Dprobe.jvm's (a later option wins)
        var jvm = new java.util.ArrayList<>(ShippedJvmOptions.read());
        jvm.addAll(java.util.Arrays.stream(System.getProperty("probe.jvm", "").split(" ")).filter(o -> !o.isBlank()).toList());
        var server = ServerProcess.start(dir.resolve("server.log"), jvm, BenchInstance.class.getName(),
                List.of("--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString()));
        try {
            var api = new Api(server.baseUrl());
            var desks = QueueBenchmark.setUpDesks(api, 200);
            var instances = new QueueBenchmark.Instances(List.of(api), () -> 0, () -> 0);
            QueueBenchmark.closedLoop(instances, desks.subList(0, 50), Duration.ofSeconds(6), Duration.ofSeconds(2));
            var out = new StringBuilder();
            AppointmentBenchmark.run(api, instances, desks.subList(0, 200), out);
            System.out.print(out);
        } finally {
            server.stopGracefully();
        }
        System.exit(0);
    }
}
