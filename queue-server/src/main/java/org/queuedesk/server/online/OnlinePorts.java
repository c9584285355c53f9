package org.queuedesk.server.online;

import java.time.LocalDate;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.queue.QueueStatusDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * What the patients' own-phone pages need from other features, declared here and wired by the assembly:
 * sites and services (site), today's queues with their wait estimates (queue), how a number is stored and
 * texted (notify), a keyed hash (privacy), a ticket (ticket) and its status link (status), free slots and
 * bookings (appointment: the same path as the desks', so whatever a booking does, an online one does too), a
 * manage link's text (notify) and rooms' names (site).
 */
public record OnlinePorts(Sites sites, Services services, SiteServices siteServices, Queues queues, PhoneRule phones, CodeTexts texts,
                          Hasher hasher, Tickets tickets, StatusLinks links, Bookings bookings, CodeTexts manageTexts,
                          Rooms rooms) {

    /** A site, or a 404. */
    @FunctionalInterface
    public interface Sites {
        SiteDto site(long siteId);
    }

    /** A service, or a 404. */
    @FunctionalInterface
    public interface Services {
        ServiceDto service(long serviceId);
    }

    /** A site's services, with their names per language. */
    @FunctionalInterface
    public interface SiteServices {
        java.util.List<ServiceDto> services(long siteId);
    }

    /** Today's waiting count and wait estimate of each service of a site. */
    @FunctionalInterface
    public interface Queues {
        QueueStatusDto status(long siteId);
    }

    /** The number to store for a patient at a site (E.164 in the site's region), or a 400 naming {@code phone}. */
    @FunctionalInterface
    public interface PhoneRule {
        String normalise(WriteTransaction tx, long siteId, String rawPhone);
    }

    /** Writes a code's text to the outbox; false (and nothing written) when the number is opted out. */
    @FunctionalInterface
    public interface CodeTexts {
        boolean send(WriteTransaction tx, long siteId, String phone, String language, String body);
    }

    /** The installation's keyed hash (HMAC-SHA256 with the key kept beside the database). */
    @FunctionalInterface
    public interface Hasher {
        String hash(String value);
    }

    /** Issues a ticket in the caller's transaction, with the ticket feature's rules and hooks. */
    @FunctionalInterface
    public interface Tickets {
        TicketDto issue(WriteTransaction tx, IssueTicketRequest request, String actor);
    }

    /** The path of a ticket's status page, {@code /t/{token}}. */
    @FunctionalInterface
    public interface StatusLinks {
        String path(WriteTransaction tx, TicketDto ticket);
    }

    /** The appointment feature's free slots and its booking, moving and cancelling, as the desks use them. */
    public interface Bookings {
        /** Free slots of a service, of one doctor or ({@code doctor} null) of any. */
        java.util.List<SlotDto> freeSlots(long siteId, long serviceId, String doctor, LocalDate from, LocalDate to);

        /** Free places and free times per day of a service: the days a patient chooses among. */
        java.util.List<org.queuedesk.common.appointment.SlotDayDto> freeDays(long siteId, long serviceId, String doctor,
                                                                          LocalDate from, LocalDate to);

        AppointmentDto find(long appointmentId);

        AppointmentDto book(WriteTransaction tx, BookAppointmentRequest request, String actor);

        AppointmentDto move(WriteTransaction tx, long appointmentId, MoveAppointmentRequest request, String actor);

        AppointmentDto cancel(WriteTransaction tx, long appointmentId, String actor);
    }

    /** A room, or a 404. */
    @FunctionalInterface
    public interface Rooms {
        RoomDto room(long roomId);
    }
}
