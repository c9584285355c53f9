package org.queuedesk.server.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.ticket.TicketDao;

/**
 * Baseline: the estimator QueueDesk had before its estimates were measured (status/WaitEstimator at f047f32), kept here only to
 * measure against: the mean time between the last (up to 10, within two hours) calls at the service times
 * the ticket's place, shown as -40 % to +40 %; unknown with fewer than three calls.
 */
final class TodaysEstimator {

    private TodaysEstimator() {
    }

    static Optional<Sample.Estimate> estimate(Handle h, long serviceId, int position, Instant now) {
        List<Long> calls = h.attach(TicketDao.class).callTimes(serviceId, now.minus(Duration.ofHours(2)), 10);
        if (position < 1 || calls.size() < 3) {
            return Optional.empty();
        }
        double perCallMinutes = (calls.get(0) - calls.get(calls.size() - 1)) / 60_000.0 / (calls.size() - 1);
        double expected = perCallMinutes * position;
        int min = (int) Math.floor(expected * 0.6);
        int max = Math.max(min + 2, (int) Math.ceil(expected * 1.4));
        return Optional.of(new Sample.Estimate(expected, min, max));
    }
}
