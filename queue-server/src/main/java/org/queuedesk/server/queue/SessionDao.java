package org.queuedesk.server.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL for doctors' sessions (their tickets and queue lengths are the ticket feature's: {@code TicketDao}). */
@RegisterRowMapper(SessionRow.Mapper.class)
public interface SessionDao extends org.jdbi.v3.sqlobject.SqlObject {

    /** A session with its room's name and site's zone; {@link SessionWriteDao} reads it by position: keep the order. */
    String SESSION = """
            SELECT s.id, s.site_id, s.room_id, r.name AS room_name, s.doctor, s.paused, s.opened_at, s.closed_at,
                   st.time_zone AS site_time_zone
              FROM doctor_sessions s JOIN rooms r ON r.id = s.room_id JOIN sites st ON st.id = s.site_id""";

    @SqlQuery("""
            INSERT INTO doctor_sessions(site_id, room_id, doctor, opened_at) VALUES (:siteId, :roomId, :doctor, :at)
            RETURNING id""")
    long insert(@Bind("siteId") long siteId, @Bind("roomId") long roomId, @Bind("doctor") String doctor,
                @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO session_services(session_id, service_id) VALUES (:sessionId, :serviceId)")
    void addService(@Bind("sessionId") long sessionId, @Bind("serviceId") long serviceId);

    @SqlQuery(SESSION + " WHERE s.id = :id")
    Optional<SessionRow> find(@Bind("id") long id);

    /**
     * The session, for a write that acts on it: where many transactions write, its row stays locked until this
     * one ends, so two actions on one session (a double-clicked Next) run one after the other, as on SQLite.
     */
    default Optional<SessionRow> findToChange(long id) {
        return org.queuedesk.server.ground.Dialect.of(getHandle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL
                ? findLocked(id) : find(id);
    }

    @SqlQuery(SESSION + " WHERE s.id = :id FOR UPDATE OF s")
    Optional<SessionRow> findLocked(@Bind("id") long id);

    @SqlQuery(SESSION + " WHERE s.room_id = :roomId AND s.closed_at IS NULL")
    Optional<SessionRow> openAtRoom(@Bind("roomId") long roomId);

    @SqlQuery(SESSION + " WHERE s.site_id = :siteId AND s.closed_at IS NULL ORDER BY r.name")
    List<SessionRow> openAt(@Bind("siteId") long siteId);

    /** The open sessions (paused or not) that serve a service, for the wait estimate. */
    @SqlQuery(SESSION + " WHERE s.closed_at IS NULL"
            + " AND s.id IN (SELECT session_id FROM session_services WHERE service_id = :serviceId) ORDER BY s.id")
    List<SessionRow> openServing(@Bind("serviceId") long serviceId);

    /** The services of a site that an open session (paused or not) serves (the alerts' "no open session"). */
    @SqlQuery("""
            SELECT DISTINCT ss.service_id FROM session_services ss JOIN doctor_sessions s ON s.id = ss.session_id
             WHERE s.site_id = :siteId AND s.closed_at IS NULL""")
    java.util.Set<Long> servedAt(@Bind("siteId") long siteId);

    @SqlQuery("SELECT service_id FROM session_services WHERE session_id = :sessionId ORDER BY service_id")
    List<Long> serviceIds(@Bind("sessionId") long sessionId);

    @SqlUpdate("UPDATE doctor_sessions SET paused = :paused WHERE id = :id AND closed_at IS NULL")
    int setPaused(@Bind("id") long id, @Bind("paused") boolean paused);

    @SqlUpdate("UPDATE doctor_sessions SET closed_at = :at WHERE id = :id AND closed_at IS NULL")
    int close(@Bind("id") long id, @Bind("at") Instant at);
}
