package org.queuedesk.server.report;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.ground.Port;

/**
 * Tickets' history for reports, from the feature that owns it: every move of every ticket of a site issued on
 * the given local dates, without a patient's name or phone (so reports read the same after the purge).
 */
@Port
public interface ReportTickets {

    /**
     * Hands each history row of the site's tickets issued from {@code from} to {@code to} to {@code each},
     * a ticket's rows together and in the order they happened. Runs on {@code read}, a pooled read connection.
     */
    void eachMove(Handle read, long siteId, LocalDate from, LocalDate to, Consumer<Move> each);

    /**
     * One row of a ticket's history: the action ({@code issue}, {@code call}, {@code done}, {@code no_show},
     * {@code requeue}, {@code cancel}, {@code transfer}, {@code return}, …), at which service and when (epoch
     * milliseconds); the states it moved between only on a {@code transfer} (out: to {@code transferred}; in: to
     * {@code waiting}), and who (a staff username) only on a {@code call}: nothing else needs them, and a
     * year's report reads millions of rows.
     */
    record Move(long ticketId, LocalDate serviceDate, String source, String action, String fromState,
                String toState, long serviceId, String actor, long at) {
    }
}
