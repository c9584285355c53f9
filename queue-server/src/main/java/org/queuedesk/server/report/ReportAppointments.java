package org.queuedesk.server.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.ground.Port;

/** Bookings for reports, counted by the feature that owns them; no patient's name or phone. */
@Port
public interface ReportAppointments {

    /** How many of the site's bookings with a slot on each local date from {@code from} to {@code to} are in each state. */
    List<Count> counts(Handle read, long siteId, LocalDate from, LocalDate to);

    /**
     * The slot start of each booking checked in on a date from {@code from} to {@code to}, by the ticket its
     * check-in issued: a patient who checks in before the slot waits from the slot's start, not from arrival.
     */
    Map<Long, Instant> checkedInSlotStarts(Handle read, long siteId, LocalDate from, LocalDate to);

    /** Bookings of one local date, service, doctor and state ({@code booked}, {@code checked_in}, {@code missed}, {@code cancelled}). */
    record Count(LocalDate localDate, long serviceId, String doctor, String state, int count) {
    }
}
