package org.queuedesk.server.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.ticket.TicketDao;
import org.queuedesk.server.ground.Port;

/**
 * A simple, honest wait estimate: the average time between the last calls at a service (up to 10, within
 * the last two hours) times the ticket's place in the queue, shown as a range of -40 % to +40 %. With fewer
 * than three recent calls there is no estimate ("unknown") rather than a made-up number. Between calls it
 * measures throughput, so two doctors at one service halve it, as they should.
 */
@Port
public final class WaitEstimator {

    static final int SAMPLE = 10;
    static final Duration WINDOW = Duration.ofHours(2);

    /** An estimated wait, in whole minutes. */
    public record WaitRange(int minMinutes, int maxMinutes) {
    }

    public Optional<WaitRange> estimate(Handle h, long serviceId, int position, Instant now) {
        if (position < 1) {
            return Optional.empty();
        }
        List<Long> calls = h.attach(TicketDao.class).callTimes(serviceId, now.minus(WINDOW), SAMPLE);
        return fromCalls(calls, position);
    }

    /** {@code calls}: epoch millis of recent calls, newest first. */
    static Optional<WaitRange> fromCalls(List<Long> calls, int position) {
        if (calls.size() < 3) {
            return Optional.empty();
        }
        double perCallMinutes = (calls.get(0) - calls.get(calls.size() - 1)) / 60_000.0 / (calls.size() - 1);
        double expected = perCallMinutes * position;
        int min = (int) Math.floor(expected * 0.6);
        int max = Math.max(min + 2, (int) Math.ceil(expected * 1.4));
        return Optional.of(new WaitRange(min, max));
    }
}
