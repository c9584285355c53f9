package org.queuedesk.server.report;

import static org.queuedesk.server.ground.Roles.ADMINS;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.queuedesk.common.report.AppointmentReport;
import org.queuedesk.common.report.AppointmentReportRow;
import org.queuedesk.common.report.HourReport;
import org.queuedesk.common.report.HourReportRow;
import org.queuedesk.common.report.TicketReport;
import org.queuedesk.common.report.TicketReportRow;
import org.queuedesk.server.ground.Requests;
import org.queuedesk.server.ground.RouteSource;
import org.queuedesk.server.ground.Routes;

/**
 * HTTP for reports: JSON, or CSV for {@code Accept: text/csv}. Admins only: the doctor rows compare colleagues'
 * served counts and times, which is for the clinic's management, not the front desk (README role table).
 */
public final class ReportController implements RouteSource {

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void routes(Routes routes) {
        String query = " (?from=&to= local dates, at most 366 days; &by=day|week|month; CSV with Accept: text/csv)";
        routes.get("/api/reports/sites/{siteId}/tickets", ADMINS,
                "Issued, served, no-shows, cancelled, transferred, waits and service times per period, by service,"
                        + " doctor and source" + query, TicketReport.class, this::tickets);
        routes.get("/api/reports/sites/{siteId}/hours", ADMINS,
                "Arrivals and calls per local hour of the day, per period" + query, HourReport.class, this::hours);
        routes.get("/api/reports/sites/{siteId}/appointments", ADMINS,
                "Appointments booked, checked in, missed and cancelled per period, by service and doctor" + query,
                AppointmentReport.class, this::appointments);
    }

    public void tickets(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        var query = query(ctx);
        var report = reports.tickets(siteId, query);
        answer(ctx, report, "tickets", report.siteId(), query, TicketReportRow.class, report.rows());
    }

    public void hours(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        var query = query(ctx);
        var report = reports.hours(siteId, query);
        answer(ctx, report, "hours", report.siteId(), query, HourReportRow.class, report.rows());
    }

    public void appointments(Context ctx) {
        long siteId = Requests.id(ctx, "siteId");
        var query = query(ctx);
        var report = reports.appointments(siteId, query);
        answer(ctx, report, "appointments", report.siteId(), query, AppointmentReportRow.class, report.rows());
    }

    private static ReportQuery query(Context ctx) {
        return ReportQueryValidator.validate(new ReportParams(ctx.queryParam("from"), ctx.queryParam("to"),
                ctx.queryParam("by")));
    }

    private static <R extends Record> void answer(Context ctx, Object report, String name, long siteId,
                                                  ReportQuery query, Class<R> rowType, List<R> rows) {
        ctx.header("Vary", "Accept");
        if (!wantsCsv(ctx.header("Accept"))) {
            ctx.json(report);
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-site" + siteId + "-" + query.from()
                + "-" + query.to() + "-" + query.by().wireName() + ".csv\"");
        ctx.contentType(ReportCsv.MEDIA_TYPE);
        ctx.result(ReportCsv.write(rowType, rows));
    }

    /** CSV when the Accept header names text/csv (not with q=0) at least as high as JSON; JSON otherwise. */
    static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        double csv = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/csv")) {
                csv = Math.max(csv, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return csv > 0 && csv >= json;
    }
}
