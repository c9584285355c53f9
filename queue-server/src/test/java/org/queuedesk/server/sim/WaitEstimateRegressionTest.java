package org.queuedesk.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.queue.WaitEstimates;

/**
 * One fixed simulated busy day (seed 13001), the real code end to end: a guard against the estimate getting
 * worse, not the published figure (that is {@link WaitBenchmark}'s, over 32 days, in README). The floor and the
 * ceiling leave a margin around this day's own result when written (81 % of real waits in the range, MAE
 * 4.3 min; the baselines 4.5 and 6.3), so only a real regression trips them.
 */
class WaitEstimateRegressionTest {

    private static ClinicSim sim;
    private static List<Sample> day;

    @BeforeAll
    static void simulate() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-data"));
        sim = new ClinicSim(Files.createTempDirectory(dir, "wait-sim").resolve("sim.db"));
        day = sim.runDay(LocalDate.of(2026, 1, 6), DayShape.busy(), 13_001);
    }

    @AfterAll
    static void close() {
        sim.close();
    }

    @Test
    void aBusyDayStaysWithinTheGuards() {
        var fresh = Scores.score(day, Sample::fresh);
        System.out.print(Scores.report(day, List.of("busy"), 1));
        assertThat(day).hasSizeGreaterThan(80);
        assertThat(fresh.coverage()).as("share of real waits inside the 80%% range").isGreaterThanOrEqualTo(0.70);
        assertThat(fresh.maeMinutes()).as("mean absolute error at issue, minutes").isLessThanOrEqualTo(5.5);
    }

    /** README: "unknown" only when no open session serves the service; every ticket here had one. */
    @Test
    void everyTicketIssuedWhileRoomsWereOpenGotAnEstimate() {
        assertThat(day).allSatisfy(s -> assertThat(s.fresh()).isNotNull());
        // and after the day, with every session closed, a newcomer's wait is unknown
        Optional<WaitEstimates.Wait> after = sim.database().read(h -> sim.waits().forNewcomer(h, 1, 0));
        assertThat(after).isEmpty();
    }
}
