package org.queuedesk.server.privacy;

import java.time.Instant;
import java.util.List;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * Bookings keep a patient's name and phone too. One checked in is forgotten with its ticket ({@link #forget});
 * one never checked in (cancelled, missed, or still ahead) by its own time: once its slot started longer ago
 * than the retention, by the same rule as a ticket's issue time.
 */
@Port
public interface PatientAppointments extends PersonalDataHolder {

    /** Nothing kept: a server without appointments. */
    PatientAppointments NONE = new PatientAppointments() {
        @Override
        public int forget(WriteTransaction tx, List<Long> ticketIds, Instant now) {
            return 0;
        }

        @Override
        public List<Long> withPersonalDataBefore(WriteTransaction tx, long siteId, Instant cutoff, int limit) {
            return List.of();
        }

        @Override
        public int forgetAppointments(WriteTransaction tx, List<Long> appointmentIds) {
            return 0;
        }
    };

    /** The site's next bookings whose slot started before {@code cutoff} that still hold a name or phone. */
    List<Long> withPersonalDataBefore(WriteTransaction tx, long siteId, Instant cutoff, int limit);

    /** Forgets these bookings' names and phones; returns how many changed. */
    int forgetAppointments(WriteTransaction tx, List<Long> appointmentIds);
}
