package org.queuedesk.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL for built-in users, refresh tokens, devices and the audit log. */
@RegisterConstructorMapper(UserRow.class)
@RegisterConstructorMapper(DeviceRow.class)
@RegisterConstructorMapper(AuditEntry.class)
public interface AuthDao extends org.jdbi.v3.sqlobject.SqlObject {

    /** Where instances sharing a PostgreSQL database tell each other that someone's access ended ({@link Auth}). */
    String ACCESS_CHANNEL = "queuedesk_access";

    /**
     * PostgreSQL only, inside the writing transaction: tells every instance (this one too), when and only if the
     * transaction commits, that the caller named by {@code payload} ({@code user:<name>}, {@code device:<id>}) lost
     * their access, so each closes what that caller holds open there.
     */
    default void announceAccessEnded(String payload) {
        getHandle().createQuery("SELECT pg_notify('" + ACCESS_CHANNEL + "', :payload)")
                .bind("payload", payload)
                .mapTo(String.class)
                .one();
    }

    String USER = "SELECT id, username, password_hash, roles, disabled, failed_attempts, locked_until FROM users";

    /** Usernames are case-insensitive: SQLite's NOCASE column says so, PostgreSQL's index is on lower(username). */
    @SqlQuery(USER + " WHERE lower(username) = lower(:username)")
    Optional<UserRow> user(@Bind("username") String username);

    @SqlQuery(USER + " WHERE id = :id")
    Optional<UserRow> user(@Bind("id") long id);

    /**
     * Whether the user is disabled (empty: no such user), for every request with a user's token where several
     * instances share the database: one indexed read (users_username_nocase on PostgreSQL) on a read connection.
     */
    @SqlQuery("SELECT disabled FROM users WHERE lower(username) = lower(:username)")
    Optional<Boolean> disabled(@Bind("username") String username);

    @SqlQuery(USER + " ORDER BY lower(username), username")
    List<UserRow> users();

    @SqlQuery("SELECT count(*) FROM users")
    int userCount();

    @SqlQuery("""
            INSERT INTO users(username, password_hash, roles, created_at, updated_at)
            VALUES (:username, :hash, :roles, :at, :at) RETURNING id""")
    long insertUser(@Bind("username") String username, @Bind("hash") String hash, @Bind("roles") String roles,
                    @Bind("at") Instant at);

    @SqlUpdate("UPDATE users SET failed_attempts = :failures, locked_until = :lockedUntil, updated_at = :at WHERE id = :id")
    void recordFailures(@Bind("id") long id, @Bind("failures") int failures, @Bind("lockedUntil") Instant lockedUntil,
                        @Bind("at") Instant at);

    @SqlUpdate("UPDATE users SET disabled = :disabled, updated_at = :at WHERE id = :id")
    void setDisabled(@Bind("id") long id, @Bind("disabled") boolean disabled, @Bind("at") Instant at);

    @SqlUpdate("UPDATE users SET password_hash = :hash, failed_attempts = 0, locked_until = NULL, updated_at = :at WHERE id = :id")
    void setPassword(@Bind("id") long id, @Bind("hash") String hash, @Bind("at") Instant at);

    @SqlUpdate("UPDATE users SET roles = :roles, updated_at = :at WHERE id = :id")
    void setRoles(@Bind("id") long id, @Bind("roles") String roles, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO refresh_tokens(token_hash, user_id, expires_at) VALUES (:hash, :userId, :expiresAt)")
    void insertRefreshToken(@Bind("hash") String hash, @Bind("userId") long userId, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT user_id FROM refresh_tokens WHERE token_hash = :hash AND revoked = 0 AND expires_at > :now")
    Optional<Long> refreshTokenOwner(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("UPDATE refresh_tokens SET revoked = 1 WHERE token_hash = :hash")
    int revokeRefreshToken(@Bind("hash") String hash);

    @SqlUpdate("UPDATE refresh_tokens SET revoked = 1 WHERE user_id = :userId")
    void revokeRefreshTokensOf(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM refresh_tokens WHERE expires_at < :now OR revoked = 1")
    int deleteDeadRefreshTokens(@Bind("now") Instant now);

    String DEVICE = "SELECT id, site_id, name, kind, created_at, revoked_at FROM devices";

    @SqlQuery(DEVICE + " WHERE token_hash = :hash AND revoked_at IS NULL")
    Optional<DeviceRow> deviceByTokenHash(@Bind("hash") String hash);

    @SqlQuery(DEVICE + " WHERE id = :id")
    Optional<DeviceRow> device(@Bind("id") long id);

    @SqlQuery(DEVICE + " ORDER BY site_id, name")
    List<DeviceRow> devices();

    @SqlQuery("SELECT count(*) FROM devices WHERE site_id = :siteId AND name = :name")
    int countDevicesNamed(@Bind("siteId") long siteId, @Bind("name") String name);

    @SqlQuery("""
            INSERT INTO devices(site_id, name, kind, token_hash, created_at) VALUES (:siteId, :name, :kind, :hash, :at)
            RETURNING id""")
    long insertDevice(@Bind("siteId") long siteId, @Bind("name") String name, @Bind("kind") String kind,
                      @Bind("hash") String hash, @Bind("at") Instant at);

    @SqlUpdate("UPDATE devices SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revokeDevice(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO audit_log(at, actor, action, subject, detail) VALUES (:at, :actor, :action, :subject, :detail)")
    void audit(@Bind("at") Instant at, @Bind("actor") String actor, @Bind("action") String action,
               @Bind("subject") String subject, @Bind("detail") String detail);

    @SqlQuery("SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT :limit")
    List<AuditEntry> audit(@Bind("limit") int limit);

    /**
     * A page of the log, newest first (ids grow with time: the writer inserts in order). An action filter matches
     * the action itself or its family ({@code user} matches {@code user.created}); plain SQL for SQLite and
     * PostgreSQL alike.
     */
    @SqlQuery("""
            SELECT id, at, actor, action, subject, detail FROM audit_log
             WHERE (:actor IS NULL OR lower(actor) = lower(:actor))
               AND (:action IS NULL OR action = :action OR substr(action, 1, :familyLength) = :family)
               AND (:from IS NULL OR at >= :from) AND (:to IS NULL OR at < :to)
               AND (:before IS NULL OR id < :before)
             ORDER BY id DESC LIMIT :limit""")
    List<AuditEntry> auditPage(@Bind("actor") String actor, @Bind("action") String action,
                               @Bind("family") String family, @Bind("familyLength") int familyLength,
                               @Bind("from") Instant from, @Bind("to") Instant to, @Bind("before") Long before,
                               @Bind("limit") int limit);
}
