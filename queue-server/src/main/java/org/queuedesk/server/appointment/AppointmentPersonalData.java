package org.queuedesk.server.appointment;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.privacy.PatientAppointments;

/**
 * Bookings' names and phones, for the purge: a checked-in booking goes with its ticket, the others once their
 * slot started longer ago than the retention. Times, states and codes stay for reports.
 */
public final class AppointmentPersonalData implements PatientAppointments {

    @Override
    public int forget(WriteTransaction tx, List<Long> ticketIds, Instant now) {
        return tx.attach(AppointmentDao.class).forgetForTickets(ticketIds);
    }

    @Override
    public List<Long> withPersonalDataBefore(WriteTransaction tx, Instant cutoff, int limit) {
        return tx.attach(AppointmentDao.class).withPersonalDataBefore(cutoff, limit);
    }

    @Override
    public int forgetAppointments(WriteTransaction tx, List<Long> appointmentIds) {
        return tx.attach(AppointmentDao.class).forgetPersonalData(appointmentIds);
    }
}
