package org.queuedesk.server.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The wait-estimate benchmark (README "Wait estimates"): {@code -Dsim.days} (default 32) simulated clinic days
 * cycling through the day shapes, then the error and coverage of the new estimator and both baselines.
 * Run: {@code mvn -B -q -pl queue-server -am -Pwait-bench verify -DskipTests}.
 */
public final class WaitBenchmark {

    private WaitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = Integer.getInteger("sim.days", 32);
        long seed = Long.getLong("sim.seed", 13);
        Path dir = Files.createTempDirectory("queuedesk-sim");
        long started = System.nanoTime();
        List<Sample> samples = run(dir.resolve("sim.db"), days, seed);
        if (Boolean.getBoolean("sim.tickets")) {
            samples.forEach(s -> System.out.printf("%s %s %s %02d:%02d real %.1f new %s old %s naive %s%n", s.shape(),
                    s.service(), s.priority(), s.issuedMinuteOfDay() / 60, s.issuedMinuteOfDay() % 60, s.realMinutes(),
                    s.fresh(), s.today(), s.naive()));
        }
        System.out.print(Scores.report(samples, DayShape.all().stream().map(DayShape::name).toList(), days));
        System.out.printf("(seed %d, %.1f s)%n", seed, (System.nanoTime() - started) / 1e9);
    }

    /** Days in a row from Monday 5 January 2026, shapes in turn: quiet, busy, one doctor short, morning surge. */
    static List<Sample> run(Path file, int days, long seed) {
        List<Sample> all = new ArrayList<>();
        var shapes = DayShape.all();
        try (var sim = new ClinicSim(file)) {
            LocalDate date = LocalDate.of(2026, 1, 5);
            for (int day = 0; day < days; day++) {
                all.addAll(sim.runDay(date.plusDays(day), shapes.get(day % shapes.size()), seed * 1_000 + day));
            }
        }
        return all;
    }
}
