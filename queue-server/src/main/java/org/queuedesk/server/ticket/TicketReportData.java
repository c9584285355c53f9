package org.queuedesk.server.ticket;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.queuedesk.server.report.ReportTickets;

/** Tickets' history for reports, read on a pooled read connection (never the writer's). */
public final class TicketReportData implements ReportTickets {

    @Override
    public void eachMove(Handle read, long siteId, LocalDate from, LocalDate to, Consumer<Move> each) {
        // a fresh mapper per query: it remembers the ticket of the row before
        read.attach(TicketDao.class).eachMoveForReport(siteId, from, to, new ReportMoveMapper(), each);
    }
}
