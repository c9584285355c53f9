package org.queuedesk.server.queue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The arithmetic of the wait estimate (docs/adr/0010): a small Monte Carlo run of the rooms serving a queue.
 * Each run starts every room at the rest of its current patient's time (a measured service time longer than
 * what has passed already), hands the patients ahead to whichever room frees first, each with a service time
 * drawn from the measured ones, and notes when a room frees for this patient. Each run first rescales the times by
 * a resample of their mean, so few measurements give a wider range. The median of the runs is the point (it
 * minimises the mean absolute error), the 10th and 90th percentiles the range: 80 % nominal.
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
        double mean = mean(serviceMinutes);
        var fit = Lognormal.fit(serviceMinutes);
        for (int run = 0; run < RUNS; run++) {
            double scale = resampledMean(serviceMinutes, random) / mean;
            for (int j = 0; j < free.length; j++) {
                free[j] = offset + scale * rest(working.get(j).busyMinutes(), fit, random);
            }
            for (int i = 0; i < ahead; i++) {
                int first = earliest(free);
                free[first] += scale * serviceMinutes[random.nextInt(serviceMinutes.length)];
            }
            waits[run] = free[earliest(free)];
        }
        Arrays.sort(waits);
        double tail = (1 - COVERAGE) / 2;
        return Optional.of(new Minutes(quantile(waits, 0.5), quantile(waits, tail), quantile(waits, 1 - tail)));
    }

    /**
     * The rest of a current patient's time: drawn from a lognormal fitted to the measured times, given that it
     * has lasted {@code busyMinutes} already. Parametric on purpose: early in the day the measured times are the
     * short consultations (the long ones have not ended yet), and a consultation longer than all of them still
     * has a sensible rest rather than none.
     */
    private static double rest(Double busyMinutes, Lognormal fit, SplittableRandom random) {
        double u = random.nextDouble();
        if (busyMinutes == null) {
            return 0;
        }
        double passed = Math.max(busyMinutes, 1e-6);
        double below = Normal.cdf((Math.log(passed) - fit.mu()) / fit.sigma());
        double p = Math.min(1 - 1e-9, below + (1 - below) * u);
        return Math.max(0, Math.exp(fit.mu() + fit.sigma() * Normal.quantile(p)) - passed);
    }

    /** A lognormal by the mean and spread of the logs; a thin or flat sample gets a spread of 0.5. */
    record Lognormal(double mu, double sigma) {

        static Lognormal fit(double[] minutes) {
            double sum = 0;
            int n = 0;
            for (double m : minutes) {
                sum += Math.log(Math.max(m, 0.1));
                n++;
            }
            double mu = sum / n;
            double squares = 0;
            for (double m : minutes) {
                squares += Math.pow(Math.log(Math.max(m, 0.1)) - mu, 2);
            }
            double sigma = n < 3 ? 0.5 : Math.sqrt(squares / (n - 1));
            return new Lognormal(mu, sigma < 0.05 ? 0.5 : sigma);
        }
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
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
