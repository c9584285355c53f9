package org.queuedesk.server.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketEventDto;
import org.queuedesk.server.ground.Port;

/**
 * All SQL for tickets, their numbering, their returns and their history (the statements every issue and Next
 * runs on the writer are plain JDBC in {@link TicketWriteDao}). The ticket feature owns these
 * tables: the queue overview, the metrics, text messages, the wait estimate and the personal data purge
 * read and change them through the methods below.
 */
@Port
@RegisterRowMapper(TicketRowMapper.class)
@RegisterConstructorMapper(TicketEventDto.class)
public interface TicketDao extends SqlObject {

    /** A ticket's columns; {@link TicketWriteDao} reads them by position, so keep the order. */
    String COLUMNS = """
            id, site_id, service_id, number, service_date, state, priority_rank, source, patient_name, phone,
            assigned_doctor, room_id, session_id, return_service_id, issued_at, queued_at, called_at, finished_at,
            recall_count""";

    @SqlQuery("SELECT " + COLUMNS + " FROM tickets WHERE id = :id")
    Optional<TicketDto> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM tickets WHERE site_id = :siteId AND service_date = :date AND number = :number")
    Optional<TicketDto> findByNumber(@Bind("siteId") long siteId, @Bind("date") LocalDate date,
                                     @Bind("number") String number);

    /** Today's tickets at a service: active ones in queue order first, then the finished ones. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM tickets WHERE service_id = :serviceId AND service_date = :date
            ORDER BY CASE state WHEN 'serving' THEN 0 WHEN 'called' THEN 1 WHEN 'waiting' THEN 2 ELSE 3 END,
                     priority_rank, queued_at, id""")
    List<TicketDto> forServiceOn(@Bind("serviceId") long serviceId, @Bind("date") LocalDate date);

    /** How many are ahead of a waiting ticket in its service's queue. */
    @SqlQuery("""
            SELECT count(*) FROM tickets o
             WHERE o.service_id = :t.serviceId AND o.state = 'waiting' AND o.service_date = :t.serviceDate
               AND (o.priority_rank < :t.priority
                    OR (o.priority_rank = :t.priority AND (o.queued_at < :t.queuedAt
                        OR (o.queued_at = :t.queuedAt AND o.id < :t.id))))""")
    int waitingAhead(@BindMethods("t") TicketDto ticket);

    /** Keeps an earlier pending return beneath the one a nested transfer "with return" puts on the ticket. */
    @SqlUpdate("""
            INSERT INTO ticket_returns(ticket_id, depth, service_id)
            SELECT :ticketId, coalesce(max(depth), 0) + 1, :serviceId FROM ticket_returns WHERE ticket_id = :ticketId""")
    void pushReturn(@Bind("ticketId") long ticketId, @Bind("serviceId") long serviceId);

    /** The return owed after the ticket's current one, if any. */
    @SqlQuery("SELECT service_id FROM ticket_returns WHERE ticket_id = :ticketId ORDER BY depth DESC LIMIT 1")
    Optional<Long> nextReturn(@Bind("ticketId") long ticketId);

    @SqlUpdate("""
            DELETE FROM ticket_returns
             WHERE ticket_id = :ticketId AND depth = (SELECT max(depth) FROM ticket_returns WHERE ticket_id = :ticketId)""")
    void popReturn(@Bind("ticketId") long ticketId);

    @SqlUpdate("DELETE FROM ticket_returns WHERE ticket_id = :ticketId")
    void clearReturns(@Bind("ticketId") long ticketId);

    @SqlQuery("""
            SELECT id, ticket_id, action, from_state, to_state, service_id, room_id, actor, at
              FROM ticket_events WHERE ticket_id = :ticketId ORDER BY id""")
    List<TicketEventDto> history(@Bind("ticketId") long ticketId);

    /** Tickets of a site's earlier days still open, oldest first (partial index {@code tickets_open_by_day}, V15.1). */
    @SqlQuery("""
            SELECT id FROM tickets
             WHERE site_id = :siteId AND service_date < :today AND state IN ('waiting', 'called', 'serving', 'no_show')
             ORDER BY service_date, id LIMIT :limit""")
    List<Long> openBefore(@Bind("siteId") long siteId, @Bind("today") LocalDate today, @Bind("limit") int limit);

    /** The ticket called or being served in a doctor's session, if any. */
    @SqlQuery("SELECT " + COLUMNS + " FROM tickets WHERE session_id = :sessionId AND state IN ('called', 'serving')")
    Optional<TicketDto> currentOf(@Bind("sessionId") long sessionId);

    /** Today's waiting tickets per service of a site; a service nobody waits at has no row. */
    @SqlQuery("""
            SELECT service_id, count(*) AS waiting, min(queued_at) AS oldest_waiting_since
              FROM tickets
             WHERE service_id IN (SELECT id FROM services WHERE site_id = :siteId)
               AND state = 'waiting' AND service_date = :date
             GROUP BY service_id""")
    @RegisterConstructorMapper(Waiting.class)
    List<Waiting> waitingAt(@Bind("siteId") long siteId, @Bind("date") LocalDate date);

    /** How many wait at a service, and since when the longest. */
    record Waiting(long serviceId, int waiting, Instant oldestWaitingSince) {
    }

    /** When the last calls at a service since a moment were made, as epoch millis, newest first. */
    @SqlQuery("""
            SELECT at FROM ticket_events
             WHERE action = 'call' AND service_id = :serviceId AND at > :since
             ORDER BY at DESC LIMIT :limit""")
    List<Long> callTimes(@Bind("serviceId") long serviceId, @Bind("since") Instant since, @Bind("limit") int limit);

    /**
     * How long calls at a service lasted (first call to done, transferred or no-show; no-shows count, they
     * take a room's time too) that ended in {@code [since, until)}, newest first, for the wait estimate.
     */
    @SqlQuery("""
            SELECT e.at AS ended_at,
                   e.at - (SELECT max(c.at) FROM ticket_events c
                            WHERE c.ticket_id = e.ticket_id AND c.service_id = e.service_id AND c.action = 'call'
                              AND c.at <= e.at) AS millis
              FROM ticket_events e
             WHERE e.service_id = :serviceId AND e.from_state IN ('called', 'serving')
               AND e.to_state IN ('done', 'transferred', 'no_show') AND e.at >= :since AND e.at < :until
             ORDER BY e.at DESC LIMIT :limit""")
    @RegisterConstructorMapper(ServiceTime.class)
    List<ServiceTime> serviceTimes(@Bind("serviceId") long serviceId, @Bind("since") Instant since,
                                   @Bind("until") Instant until, @Bind("limit") int limit);

    /** One finished call: when it ended and how long it took (null when its call is not in the history). */
    record ServiceTime(long endedAt, Long millis) {
    }

    /** Who waits ahead of a waiting ticket: those assigned to its doctor, and those assigned to nobody. */
    @SqlQuery("""
            SELECT coalesce(sum(CASE WHEN o.assigned_doctor = :t.assignedDoctor THEN 1 ELSE 0 END), 0) AS same_doctor,
                   coalesce(sum(CASE WHEN o.assigned_doctor IS NULL THEN 1 ELSE 0 END), 0) AS unassigned
              FROM tickets o
             WHERE o.service_id = :t.serviceId AND o.state = 'waiting' AND o.service_date = :t.serviceDate
               AND (o.priority_rank < :t.priority
                    OR (o.priority_rank = :t.priority AND (o.queued_at < :t.queuedAt
                        OR (o.queued_at = :t.queuedAt AND o.id < :t.id))))""")
    @RegisterConstructorMapper(Ahead.class)
    Ahead aheadByDoctor(@BindMethods("t") TicketDto ticket);

    /** Tickets ahead of one assigned to a doctor. */
    record Ahead(int sameDoctor, int unassigned) {
    }

    /** When the ticket now called or served in each of these sessions was called (a session without one has no row). */
    @SqlQuery("SELECT session_id, called_at FROM tickets WHERE state IN ('called', 'serving') AND session_id IN (<ids>)")
    @RegisterConstructorMapper(Busy.class)
    List<Busy> busySessions(@BindList("ids") List<Long> sessionIds);

    /** A session's current ticket, called at epoch millis {@code calledAt}. */
    record Busy(long sessionId, long calledAt) {
    }

    /** Tickets with text messages for a phone on a day (including one just issued in this transaction). */
    @SqlQuery("SELECT count(*) FROM tickets WHERE phone = :phone AND service_date = :date")
    int withPhoneOn(@Bind("phone") String phone, @Bind("date") LocalDate date);

    /** Tickets with text messages a device issued since a moment. */
    @SqlQuery("""
            SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
             WHERE e.action = 'issue' AND e.actor = :actor AND e.at > :since AND t.phone IS NOT NULL""")
    int withPhoneIssuedBy(@Bind("actor") String actor, @Bind("since") Instant since);

    /** A waiting ticket near the head of its queue ({@link TicketWriteDao#head}). */
    record WaitingTicket(long id, String phone) {
    }

    /** A site's next tickets past its retention that still hold a name or phone (partial index, oldest first). */
    @SqlQuery("""
            SELECT id FROM tickets
             WHERE (patient_name IS NOT NULL OR phone IS NOT NULL) AND issued_at < :cutoff AND site_id = :siteId
             ORDER BY issued_at, id LIMIT :limit""")
    List<Long> withPersonalDataIssuedBefore(@Bind("siteId") long siteId, @Bind("cutoff") Instant cutoff,
                                            @Bind("limit") int limit);

    /** Tickets of the site still open on any day (the partial index of open tickets by day). */
    @SqlQuery("SELECT count(*) FROM tickets WHERE site_id = :siteId AND state IN ('waiting', 'called', 'serving', 'no_show')")
    long countOpenAtSite(@Bind("siteId") long siteId);

    /**
     * Every history row of a site's tickets issued on the local dates {@code :from} to {@code :to}, a ticket's rows
     * together and in order (the day index gives tickets by date and id, the history index each ticket's rows by
     * id: no sort). No name or phone: reports read the same after the purge. Mapped by the caller's mapper: a
     * fresh {@link ReportMoveMapper} per query remembers the row before ({@link TicketReportData}).
     */
    default <T> void eachMoveForReport(long siteId, LocalDate from, LocalDate to, RowMapper<T> mapper,
                                       Consumer<T> each) {
        getHandle().createQuery(MOVES_FOR_REPORT).bind("siteId", siteId).bind("from", from).bind("to", to)
                .map(mapper).forEach(each);
    }

    String MOVES_FOR_REPORT = """
            SELECT t.id AS ticket_id, t.service_date, t.source, e.action, e.from_state, e.to_state, e.service_id,
                   e.actor, e.at
              FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id
             WHERE t.site_id = :siteId AND t.service_date BETWEEN :from AND :to
             ORDER BY t.service_date, t.id, e.id""";

    /** Name and phone go; number, state, counters and times stay for reports and numbering. */
    @SqlUpdate("UPDATE tickets SET patient_name = NULL, phone = NULL WHERE id IN (<ids>)")
    int forgetPersonalData(@BindList("ids") List<Long> ids);
}
