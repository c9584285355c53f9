package org.queuedesk.server.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.report.ReportAppointments;

/** Bookings counted for reports, on a pooled read connection. */
public final class AppointmentReportData implements ReportAppointments {

    @Override
    public List<Count> counts(Handle read, long siteId, LocalDate from, LocalDate to) {
        return read.attach(AppointmentDao.class).countsForReport(siteId, from, to);
    }

    @Override
    public Map<Long, Instant> checkedInSlotStarts(Handle read, long siteId, LocalDate from, LocalDate to) {
        var starts = new HashMap<Long, Instant>();
        read.attach(AppointmentDao.class).checkedInForReport(siteId, from, to)
                .forEach(c -> starts.put(c.ticketId(), c.slotStart()));
        return starts;
    }
}
