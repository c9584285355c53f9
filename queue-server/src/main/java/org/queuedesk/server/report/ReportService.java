package org.queuedesk.server.report;

import java.time.ZoneId;
import org.queuedesk.common.report.AppointmentReport;
import org.queuedesk.common.report.HourReport;
import org.queuedesk.common.report.TicketReport;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.site.SiteService;

/**
 * Reports of a site, computed on a pooled read connection from the tickets' history and the bookings (their
 * owners read them through {@link ReportTickets} and {@link ReportAppointments}), so a long report never holds
 * up the writer. Nothing is stored: a report is read again each time and reads the same after the purge.
 */
public final class ReportService {

    private final Database db;
    private final SiteService sites;
    private final ReportTickets tickets;
    private final ReportAppointments appointments;

    public ReportService(Database db, SiteService sites, ReportTickets tickets, ReportAppointments appointments) {
        this.db = db;
        this.sites = sites;
        this.tickets = tickets;
        this.appointments = appointments;
    }

    TicketReport tickets(long siteId, ReportQuery query) {
        SiteDto site = sites.site(siteId);
        var tally = readHistory(site, query);
        return new TicketReport(siteId, site.timeZone(), query.from(), query.to(), query.by(),
                tally.ticketRows(sites.services(siteId)));
    }

    HourReport hours(long siteId, ReportQuery query) {
        SiteDto site = sites.site(siteId);
        var tally = readHistory(site, query);
        return new HourReport(siteId, site.timeZone(), query.from(), query.to(), query.by(), tally.hourRows());
    }

    AppointmentReport appointments(long siteId, ReportQuery query) {
        SiteDto site = sites.site(siteId);
        var counts = db.read(h -> appointments.counts(h, siteId, query.from(), query.to()));
        var tally = new AppointmentTally(new Periods(query), counts);
        return new AppointmentReport(siteId, site.timeZone(), query.from(), query.to(), query.by(),
                tally.rows(sites.services(siteId)));
    }

    private TicketHistoryTally readHistory(SiteDto site, ReportQuery query) {
        var tally = new TicketHistoryTally(new Periods(query), ZoneId.of(site.timeZone()).getRules(),
                db.read(h -> appointments.checkedInSlotStarts(h, site.id(), query.from(), query.to())));
        db.read(h -> {
            tickets.eachMove(h, site.id(), query.from(), query.to(), tally);
            return null;
        });
        return tally;
    }
}
