package org.queuedesk.server.ticket;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.queuedesk.common.ticket.Priority;
import org.queuedesk.common.ticket.TicketDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.server.ground.Port;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * The ticket statements every issue and Next runs on the writer, as plain prepared statements
 * ({@link WriteTransaction#sql}): Jdbi's per-statement work cost more than SQLite's on this path (README,
 * "Throughput"). Same SQL and storage as {@link TicketDao} (instants as epoch millis, dates as ISO text, enums by
 * wire name); reads off the writer keep using the DAO.
 */
@Port
public final class TicketWriteDao {

    private static final String COLUMNS = TicketDao.COLUMNS;

    private TicketWriteDao() {
    }

    /** The daily sequence of a service: the counter row is created or bumped in the caller's transaction. */
    static int nextSequence(WriteTransaction tx, long serviceId, LocalDate date) {
        return tx.sql("""
                INSERT INTO ticket_counters(service_id, local_date, last_seq) VALUES (?, ?, 1)
                ON CONFLICT(service_id, local_date) DO UPDATE SET last_seq = ticket_counters.last_seq + 1
                RETURNING last_seq""", s -> {
            s.setLong(1, serviceId);
            s.setString(2, date.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    static TicketDto insert(WriteTransaction tx, long siteId, long serviceId, LocalDate date, int seq, String number,
                            Priority priority, TicketSource source, String name, String phone, String doctor,
                            Instant at, Instant queuedAt) {
        return tx.sql("""
                INSERT INTO tickets(site_id, number_service_id, service_date, seq, number, service_id, state, priority_rank,
                                    source, patient_name, phone, assigned_doctor, issued_at, queued_at)
                VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, ?, ?, ?)
                RETURNING\s""" + COLUMNS, s -> {
            s.setLong(1, siteId);
            s.setLong(2, serviceId);
            s.setString(3, date.toString());
            s.setInt(4, seq);
            s.setString(5, number);
            s.setLong(6, serviceId);
            s.setInt(7, priority.rank());
            s.setString(8, source.wireName());
            setText(s, 9, name);
            setText(s, 10, phone);
            setText(s, 11, doctor);
            s.setLong(12, at.toEpochMilli());
            s.setLong(13, queuedAt.toEpochMilli());
            return one(s).orElseThrow();
        });
    }

    /** The ticket, read in the writer's transaction (not locked: to change it, {@link #findToChange}). */
    public static Optional<TicketDto> find(WriteTransaction tx, long id) {
        return tx.sql(FIND, s -> {
            s.setLong(1, id);
            return one(s);
        });
    }

    private static final String FIND = "SELECT " + COLUMNS + " FROM tickets WHERE id = ?";

    /**
     * The ticket, for a write that changes it: where many transactions write (PostgreSQL) its row stays locked
     * until this one ends, so a second change waits and then reads what the first left (READ COMMITTED reads the
     * newest committed row after the wait). Without it, two changes that both read the ticket before either
     * committed each wrote their own copy over it: the first change was lost. On SQLite the single writer already
     * runs them one after the other: the same statement without the clause.
     */
    static Optional<TicketDto> findToChange(WriteTransaction tx, long id) {
        return tx.sql(concurrent(tx) ? FIND + " FOR UPDATE" : FIND, s -> {
            s.setLong(1, id);
            return one(s);
        });
    }

    private static final String CURRENT_OF = "SELECT " + COLUMNS
            + " FROM tickets WHERE session_id = ? AND state IN ('called', 'serving')";

    /**
     * The ticket called or being served in a doctor's session, if any (as {@link TicketDao#currentOf}), read to act
     * on it: locked like {@link #findToChange} where many transactions write, so a session's recall, no-show or done
     * and a change made to the same ticket by its id (a transfer) run one after the other.
     */
    public static Optional<TicketDto> currentOf(WriteTransaction tx, long sessionId) {
        return tx.sql(concurrent(tx) ? CURRENT_OF + " FOR UPDATE" : CURRENT_OF, s -> {
            s.setLong(1, sessionId);
            return one(s);
        });
    }

    /** Whether other transactions write beside this one (PostgreSQL), so a row read to be changed must be locked. */
    private static boolean concurrent(WriteTransaction tx) {
        return org.queuedesk.server.ground.Dialect.of(tx.handle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL;
    }

    private static final String HEAD_FOR = "SELECT " + COLUMNS + """
             FROM tickets
            WHERE state = 'waiting' AND service_date = ?
              AND service_id IN (SELECT service_id FROM session_services WHERE session_id = ?)
              AND (assigned_doctor IS NULL OR assigned_doctor = ?)
              AND queued_at <= ?
            ORDER BY priority_rank, queued_at, id
            LIMIT 1""";

    /**
     * The head of a session's combined queue: waiting tickets of today at any of its services, by class and
     * then queue time (arrival; a checked-in appointment's slot start); a ticket assigned to a doctor is only
     * ever the head for that doctor, and one whose queue time is still to come (an appointment checked in
     * early) is nobody's head yet. Where many transactions write (PostgreSQL), the head is locked and one another
     * transaction holds is skipped: two Nexts never call the same ticket.
     */
    public static Optional<TicketDto> headFor(WriteTransaction tx, long sessionId, String doctor, LocalDate date,
                                              Instant now) {
        return tx.sql(concurrent(tx) ? HEAD_FOR + " FOR UPDATE SKIP LOCKED" : HEAD_FOR, s -> {
            s.setString(1, date.toString());
            s.setLong(2, sessionId);
            setText(s, 3, doctor);
            s.setLong(4, now.toEpochMilli());
            return one(s);
        });
    }

    /** The first {@code n} waiting tickets of a service on a day, in queue order: id and phone (may be null). */
    public static List<TicketDao.WaitingTicket> head(WriteTransaction tx, long serviceId, LocalDate date, int n) {
        return tx.sql("""
                SELECT id, phone FROM tickets
                 WHERE service_id = ? AND state = 'waiting' AND service_date = ?
                 ORDER BY priority_rank, queued_at, id LIMIT ?""", s -> {
            s.setLong(1, serviceId);
            s.setString(2, date.toString());
            s.setInt(3, n);
            var head = new ArrayList<TicketDao.WaitingTicket>(n);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    head.add(new TicketDao.WaitingTicket(rs.getLong(1), rs.getString(2)));
                }
            }
            return head;
        });
    }

    /**
     * Writes a ticket's new state, only if nobody moved it since it was read: a check only, as the row was read
     * under the write lock (SQLite) or locked ({@link #findToChange}, {@link #currentOf}, {@link #headFor}).
     */
    static int update(WriteTransaction tx, TicketDto t, TicketState expected) {
        return tx.sql("""
                UPDATE tickets SET state = ?, service_id = ?, priority_rank = ?, room_id = ?, session_id = ?,
                       return_service_id = ?, queued_at = ?, called_at = ?, finished_at = ?, recall_count = ?
                 WHERE id = ? AND state = ?""", s -> {
            s.setString(1, t.state().wireName());
            s.setLong(2, t.serviceId());
            s.setInt(3, t.priority().rank());
            setId(s, 4, t.roomId());
            setId(s, 5, t.sessionId());
            setId(s, 6, t.returnServiceId());
            setInstant(s, 7, t.queuedAt());
            setInstant(s, 8, t.calledAt());
            setInstant(s, 9, t.finishedAt());
            s.setInt(10, t.recallCount());
            s.setLong(11, t.id());
            s.setString(12, expected.wireName());
            return s.executeUpdate();
        });
    }

    /** One row of a ticket's history. */
    static void insertEvent(WriteTransaction tx, long ticketId, String action, TicketState from, TicketState to,
                            long serviceId, Long roomId, String actor, Instant at) {
        tx.sql("""
                INSERT INTO ticket_events(ticket_id, action, from_state, to_state, service_id, room_id, actor, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setLong(1, ticketId);
            s.setString(2, action);
            setText(s, 3, from == null ? null : from.wireName());
            s.setString(4, to.wireName());
            s.setLong(5, serviceId);
            setId(s, 6, roomId);
            setText(s, 7, actor);
            s.setLong(8, at.toEpochMilli());
            return s.executeUpdate();
        });
    }

    private static Optional<TicketDto> one(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    /**
     * A row of {@link TicketDao#COLUMNS}, read by position: by name the driver builds a name-to-index map for each
     * result set, which showed in the writer's profile. The same values as {@link TicketRowMapper}.
     */
    private static TicketDto row(ResultSet rs) throws SQLException {
        return new TicketDto(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), LocalDate.parse(rs.getString(5)),
                TicketState.fromWire(rs.getString(6)), Priority.fromRank(rs.getInt(7)), TicketSource.fromWire(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11), nullableLong(rs, 12), nullableLong(rs, 13),
                nullableLong(rs, 14), instant(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18), rs.getInt(19));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static void setText(PreparedStatement s, int at, String value) throws SQLException {
        if (value == null) {
            s.setNull(at, Types.VARCHAR);
        } else {
            s.setString(at, value);
        }
    }

    private static void setId(PreparedStatement s, int at, Long value) throws SQLException {
        if (value == null) {
            s.setNull(at, Types.BIGINT);
        } else {
            s.setLong(at, value);
        }
    }

    private static void setInstant(PreparedStatement s, int at, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(at, Types.BIGINT);
        } else {
            s.setLong(at, value.toEpochMilli());
        }
    }
}
