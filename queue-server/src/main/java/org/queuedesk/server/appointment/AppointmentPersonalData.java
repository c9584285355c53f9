package org.queuedesk.server.appointment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.PatientAppointments;

/**
 * Bookings' names and phones, for the purge: a checked-in booking goes with its ticket, the others once their
 * slot started longer ago than the retention. Times, states and codes stay for reports.
 */
public final class AppointmentPersonalData implements PatientAppointments {

    /** The text messages about bookings (notify's outbox) forget their numbers and texts with the bookings. */
    @FunctionalInterface
    public interface TextMessages {
        int forget(WriteTransaction tx, List<Long> appointmentIds, Instant now);
    }

    private final TextMessages messages;
    private final Clock clock;

    public AppointmentPersonalData() {
        this((tx, ids, now) -> 0, Clock.systemUTC());
    }

    public AppointmentPersonalData(TextMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public int forget(WriteTransaction tx, List<Long> ticketIds, Instant now) {
        var dao = tx.attach(AppointmentDao.class);
        var ids = dao.idsForTickets(ticketIds);
        if (!ids.isEmpty()) {
            messages.forget(tx, ids, now);
        }
        return dao.forgetForTickets(ticketIds);
    }

    @Override
    public List<Long> withPersonalDataBefore(WriteTransaction tx, long siteId, Instant cutoff, int limit) {
        return tx.attach(AppointmentDao.class).withPersonalDataBefore(siteId, cutoff, limit);
    }

    @Override
    public int forgetAppointments(WriteTransaction tx, List<Long> appointmentIds) {
        messages.forget(tx, appointmentIds, clock.instant());
        return tx.attach(AppointmentDao.class).forgetPersonalData(appointmentIds);
    }
}
