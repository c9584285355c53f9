package org.queuedesk.server.queue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The arithmetic of the wait estimate (docs/adr/0009): a small Monte Carlo run of the rooms serving a queue.
 * Each run starts every room at the rest of its current patient's time (a measured service time longer than
 * what has passed already), hands the patients ahead to whichever room frees first, each with a service time
 * drawn from the measured ones, and notes when a room frees for this patient. The median of the runs is the
 * point (it minimises the mean absolute error), the 10th and 90th percentiles the range: 80 % nominal.
 * Pure and deterministic for a given seed, so the same state gives the same answer on every read.
 */
final class WaitForecast {

    /** The share of real waits the range is meant to hold. */
    static final double COVERAGE = 0.80;
    static final int RUNS = 400;
    /** How long a paused room is assumed to stay away, at least (the mean service time when longer). */
    static final double MIN_PAUSE_MINUTES = 5;

    private WaitForecast() {
    }

    /** A room serving the queue: paused or not, and minutes since its current patient was called (null: free). */
    record Room(boolean paused, Double busyMinutes) {
    }

    /** Minutes: point (median) and the range's ends. */
    record Minutes(double point, double low, double high) {
    }

    /**
     * @param serviceMinutes measured (or prior) service times, at least one
     * @param rooms          the open sessions serving the queue; none means no estimate
     * @param ahead          patients these rooms serve before this one
     */
    static Optional<Minutes> estimate(double[] serviceMinutes, List<Room> rooms, int ahead, long seed) {
        if (rooms.isEmpty() || serviceMinutes.length == 0) {
            return Optional.empty();
        }
        List<Room> working = rooms.stream().filter(r -> !r.paused()).toList();
        double offset = 0;
        if (working.isEmpty()) {
            // every room paused: they come back, later; the wait only grows by the pause
            working = rooms;
            offset = Math.max(MIN_PAUSE_MINUTES, mean(serviceMinutes));
        }
        var random = new SplittableRandom(seed);
        double[] waits = new double[RUNS];
        double[] free = new double[working.size()];
        for (int run = 0; run < RUNS; run++) {
            for (int j = 0; j < free.length; j++) {
                free[j] = offset + rest(working.get(j).busyMinutes(), serviceMinutes, random);
            }
            for (int i = 0; i < ahead; i++) {
                int first = earliest(free);
                free[first] += serviceMinutes[random.nextInt(serviceMinutes.length)];
            }
            waits[run] = free[earliest(free)];
        }
        Arrays.sort(waits);
        double tail = (1 - COVERAGE) / 2;
        return Optional.of(new Minutes(quantile(waits, 0.5), quantile(waits, tail), quantile(waits, 1 - tail)));
    }

    /** The rest of a current patient's time: a measured time longer than the time passed, minus it. */
    private static double rest(Double busyMinutes, double[] serviceMinutes, SplittableRandom random) {
        if (busyMinutes == null) {
            return 0;
        }
        for (int attempt = 0; attempt < 16; attempt++) {
            double x = serviceMinutes[random.nextInt(serviceMinutes.length)];
            if (x > busyMinutes) {
                return x - busyMinutes;
            }
        }
        // longer than nearly all measured times: it should end soon, but not now
        return Math.max(1, 0.25 * mean(serviceMinutes));
    }

    private static int earliest(double[] free) {
        int best = 0;
        for (int j = 1; j < free.length; j++) {
            if (free[j] < free[best]) {
                best = j;
            }
        }
        return best;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Linear interpolation between order statistics of sorted {@code values}. */
    static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
