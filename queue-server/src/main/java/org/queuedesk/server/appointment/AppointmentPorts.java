package org.queuedesk.server.appointment;

import java.time.Instant;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * What the appointment feature needs from others, declared here and wired by the assembly: who is a doctor
 * (auth), how a phone number is stored (the same rule as tickets', notify), a ticket for a check-in (the
 * ticket feature owns tickets), a doctor's name as patients read it, and the text-message outbox (notify).
 */
public record AppointmentPorts(DoctorCheck doctors, PhoneRule phones, CheckInTickets tickets, DoctorNames names,
                               AppointmentTextOutbox texts) {

    /** Without text messages: doctors are named by their username. */
    public AppointmentPorts(DoctorCheck doctors, PhoneRule phones, CheckInTickets tickets) {
        this(doctors, phones, tickets, (tx, username) -> username, AppointmentTextOutbox.NONE);
    }

    /** The name a patient reads in a text for a doctor's username. */
    @FunctionalInterface
    public interface DoctorNames {
        String displayName(WriteTransaction tx, String username);
    }

    /** A user with the doctor role, by the username they sign in with. */
    @FunctionalInterface
    public interface DoctorCheck {
        boolean isDoctor(WriteTransaction tx, String username);
    }

    /** The number to store for a patient at a site (E.164 in the site's region), or a 400 naming {@code phone}. */
    @FunctionalInterface
    public interface PhoneRule {
        String normalise(WriteTransaction tx, long siteId, String rawPhone);
    }

    /**
     * Issues the ticket of a check-in, in the check-in's transaction, queued at {@code queuedAt}: the slot's
     * start when on time (not callable before it), the arrival when late.
     */
    @FunctionalInterface
    public interface CheckInTickets {
        TicketDto issue(WriteTransaction tx, IssueTicketRequest request, Instant queuedAt, String actor);
    }
}
