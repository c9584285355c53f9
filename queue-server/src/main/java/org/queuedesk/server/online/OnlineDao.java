package org.queuedesk.server.online;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL of the patients' own-phone pages: codes, attempts, remote joining and the tickets it gave. */
@RegisterConstructorMapper(OnlineDao.Code.class)
@RegisterConstructorMapper(RemoteJoining.Setting.class)
public interface OnlineDao extends org.jdbi.v3.sqlobject.SqlObject {

    /** One verification code as stored: hashes only. */
    record Code(long id, String codeHash, Instant expiresAt, int wrongTries, Instant voidAt) {
    }

    @SqlUpdate("""
            INSERT INTO online_codes(site_id, phone_hash, code_hash, created_at, expires_at)
            VALUES (:siteId, :phoneHash, :codeHash, :now, :expires)""")
    void insertCode(@Bind("siteId") long siteId, @Bind("phoneHash") String phoneHash, @Bind("codeHash") String codeHash,
                    @Bind("now") Instant now, @Bind("expires") Instant expires);

    /** A new code replaces the older ones of the same number at the site. */
    @SqlUpdate("UPDATE online_codes SET void_at = :now WHERE phone_hash = :phoneHash AND site_id = :siteId AND void_at IS NULL")
    void voidCodes(@Bind("siteId") long siteId, @Bind("phoneHash") String phoneHash, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, code_hash, expires_at, wrong_tries, void_at FROM online_codes
             WHERE phone_hash = :phoneHash AND site_id = :siteId ORDER BY id DESC LIMIT 1""")
    Optional<Code> latestCode(@Bind("siteId") long siteId, @Bind("phoneHash") String phoneHash);

    @SqlUpdate("UPDATE online_codes SET wrong_tries = wrong_tries + 1 WHERE id = :id")
    void wrongTry(@Bind("id") long id);

    @SqlUpdate("UPDATE online_codes SET void_at = :now WHERE id = :id AND void_at IS NULL")
    void voidCode(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM online_codes WHERE expires_at < :before")
    void deleteCodesBefore(@Bind("before") Instant before);

    @SqlUpdate("INSERT INTO online_attempts(kind, key, at) VALUES (:kind, :key, :at)")
    void attempt(@Bind("kind") String kind, @Bind("key") String key, @Bind("at") Instant at);

    /**
     * Where many transactions write, one kind and key's attempts are counted and recorded by one transaction at a
     * time (a transaction-scoped advisory lock), so concurrent requests cannot all pass a limit; on SQLite the single
     * writer does that already.
     */
    default void lockAttempts(String kind, String key) {
        if (org.queuedesk.server.ground.Dialect.of(getHandle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL) {
            lockAttemptsOnPostgres(kind + ":" + key);
        }
    }

    /** Lock class 15 (the issue that brought PostgreSQL) keeps these apart from other advisory locks. */
    @SqlQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(15, hashtext(:key))) AS locked")
    int lockAttemptsOnPostgres(@Bind("key") String key);

    @SqlQuery("SELECT count(*) FROM online_attempts WHERE kind = :kind AND key = :key AND at > :since")
    int attempts(@Bind("kind") String kind, @Bind("key") String key, @Bind("since") Instant since);

    @SqlUpdate("DELETE FROM online_attempts WHERE at < :before")
    void deleteAttemptsBefore(@Bind("before") Instant before);

    @SqlQuery("""
            SELECT service_id, open, opens_at, closes_at, max_waiting FROM remote_joining
             WHERE service_id IN (SELECT id FROM services WHERE site_id = :siteId)""")
    List<RemoteJoining.Setting> settings(@Bind("siteId") long siteId);

    @SqlQuery("SELECT service_id, open, opens_at, closes_at, max_waiting FROM remote_joining WHERE service_id = :serviceId")
    Optional<RemoteJoining.Setting> setting(@Bind("serviceId") long serviceId);

    @SqlUpdate("""
            INSERT INTO remote_joining(service_id, open, opens_at, closes_at, max_waiting)
            VALUES (:serviceId, :open, :opensAt, :closesAt, :maxWaiting)
            ON CONFLICT(service_id) DO UPDATE SET open = excluded.open, opens_at = excluded.opens_at,
                   closes_at = excluded.closes_at, max_waiting = excluded.max_waiting""")
    void saveSetting(@Bind("serviceId") long serviceId, @Bind("open") boolean open, @Bind("opensAt") String opensAt,
                     @Bind("closesAt") String closesAt, @Bind("maxWaiting") Integer maxWaiting);

    /** Closes every service of a site to remote joining at once, keeping their hours and caps. */
    @SqlUpdate("UPDATE remote_joining SET open = 0 WHERE service_id IN (SELECT id FROM services WHERE site_id = :siteId)")
    int closeAll(@Bind("siteId") long siteId);

    @SqlUpdate("INSERT INTO online_tickets(ticket_id, service_id, issued_at) VALUES (:ticketId, :serviceId, :at)")
    void onlineTicket(@Bind("ticketId") long ticketId, @Bind("serviceId") long serviceId, @Bind("at") Instant at);

    /** Tickets taken online that are waiting now at a service (wherever they were issued). */
    @SqlQuery("""
            SELECT count(*) FROM online_tickets o JOIN tickets t ON t.id = o.ticket_id
             WHERE t.service_id = :serviceId AND t.state = 'waiting' AND t.service_date = :date""")
    int onlineWaiting(@Bind("serviceId") long serviceId, @Bind("date") LocalDate date);

    @SqlUpdate("INSERT INTO online_bookings(token_hash, appointment_id, expires_at) VALUES (:hash, :appointmentId, :expires)")
    void insertManageLink(@Bind("hash") String tokenHash, @Bind("appointmentId") long appointmentId,
                          @Bind("expires") Instant expires);

    /** The booking a manage link is for, while the link lives. */
    @SqlQuery("SELECT appointment_id FROM online_bookings WHERE token_hash = :hash AND expires_at > :now")
    Optional<Long> managedBooking(@Bind("hash") String tokenHash, @Bind("now") Instant now);

    /** A moved booking's link lives until its new slot ends. */
    @SqlUpdate("UPDATE online_bookings SET expires_at = :expires WHERE appointment_id = :appointmentId")
    void extendManageLink(@Bind("appointmentId") long appointmentId, @Bind("expires") Instant expires);

    @SqlUpdate("DELETE FROM online_bookings WHERE expires_at < :before")
    void deleteManageLinksBefore(@Bind("before") Instant before);
}
