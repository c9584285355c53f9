package org.queuedesk.server.appointment;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.report.ReportAppointments;

/** Bookings counted for reports, on a pooled read connection. */
public final class AppointmentReportData implements ReportAppointments {

    @Override
    public List<Count> counts(Handle read, long siteId, LocalDate from, LocalDate to) {
        return read.attach(AppointmentDao.class).countsForReport(siteId, from, to);
    }
}
