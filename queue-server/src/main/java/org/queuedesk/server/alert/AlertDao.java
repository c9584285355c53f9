package org.queuedesk.server.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** All SQL for alert thresholds, alerts and their notifications to the manager on call. */
@RegisterConstructorMapper(AlertRow.class)
@RegisterConstructorMapper(AlertDao.Notification.class)
public interface AlertDao {

    String ALERT = """
            SELECT id, site_id, rule, subject_key, service_id, device_id, subject, tier, value, summary, threshold,
                   raised_at, changed_at, below_since, acknowledged_at, acknowledged_by, cleared_at FROM alerts""";

    /** The thresholds stored for a site (service 0) or a service, as JSON. */
    @SqlQuery("SELECT rules_json FROM alert_rules WHERE site_id = :siteId AND service_id = :serviceId")
    Optional<String> rules(@Bind("siteId") long siteId, @Bind("serviceId") long serviceId);

    /** Every stored threshold row of a site, its own (service 0) and its services', for one evaluation. */
    @SqlQuery("SELECT service_id, rules_json FROM alert_rules WHERE site_id = :siteId")
    @org.jdbi.v3.sqlobject.config.KeyColumn("service_id")
    @org.jdbi.v3.sqlobject.config.ValueColumn("rules_json")
    java.util.Map<Long, String> rulesAt(@Bind("siteId") long siteId);

    @SqlUpdate("""
            INSERT INTO alert_rules(site_id, service_id, rules_json, updated_at, updated_by)
            VALUES (:siteId, :serviceId, :json, :at, :by)
            ON CONFLICT(site_id, service_id) DO UPDATE SET rules_json = excluded.rules_json,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
    void storeRules(@Bind("siteId") long siteId, @Bind("serviceId") long serviceId, @Bind("json") String json,
                    @Bind("at") Instant at, @Bind("by") String by);

    @SqlQuery(ALERT + " WHERE site_id = :siteId AND cleared_at IS NULL ORDER BY id")
    List<AlertRow> openAt(@Bind("siteId") long siteId);

    @SqlQuery(ALERT + " WHERE id = :id")
    Optional<AlertRow> alert(@Bind("id") long id);

    @SqlUpdate("""
            INSERT INTO alerts(site_id, rule, subject_key, service_id, device_id, subject, tier, value, summary,
                               threshold, raised_at, changed_at)
            VALUES (:siteId, :rule, :key, :serviceId, :deviceId, :subject, :tier, :value, :summary, :threshold, :at,
                    :at)""")
    @GetGeneratedKeys("id")
    long raise(@Bind("siteId") long siteId, @Bind("rule") String rule, @Bind("key") String key,
               @Bind("serviceId") Long serviceId, @Bind("deviceId") Long deviceId, @Bind("subject") String subject,
               @Bind("tier") String tier, @Bind("value") double value, @Bind("summary") String summary,
               @Bind("threshold") Integer threshold, @Bind("at") Instant at);

    /** A new tier: asks to be acknowledged again when it rose. */
    @SqlUpdate("""
            UPDATE alerts SET tier = :tier, value = :value, summary = :summary, threshold = :threshold, changed_at = :at,
                   below_since = NULL,
                   acknowledged_at = CASE WHEN :rose = 1 THEN NULL ELSE acknowledged_at END,
                   acknowledged_by = CASE WHEN :rose = 1 THEN NULL ELSE acknowledged_by END
             WHERE id = :id AND cleared_at IS NULL""")
    void changeTier(@Bind("id") long id, @Bind("tier") String tier, @Bind("value") double value,
                    @Bind("summary") String summary, @Bind("threshold") Integer threshold, @Bind("rose") boolean rose,
                    @Bind("at") Instant at);

    @SqlUpdate("UPDATE alerts SET below_since = :since WHERE id = :id AND cleared_at IS NULL")
    void belowSince(@Bind("id") long id, @Bind("since") Instant since);

    @SqlUpdate("UPDATE alerts SET cleared_at = :at, changed_at = :at, below_since = NULL WHERE id = :id AND cleared_at IS NULL")
    void clear(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE alerts SET acknowledged_at = :at, acknowledged_by = :by
             WHERE id = :id AND cleared_at IS NULL AND acknowledged_at IS NULL""")
    int acknowledge(@Bind("id") long id, @Bind("by") String by, @Bind("at") Instant at);

    /** A message for the manager on call, due at once. */
    @SqlUpdate("""
            INSERT INTO alert_notifications(alert_id, subject, message, next_attempt_at)
            VALUES (:alertId, :subject, :message, :at)""")
    void notify(@Bind("alertId") long alertId, @Bind("subject") String subject, @Bind("message") String message,
                @Bind("at") Instant at);

    record Notification(long id, long alertId, String subject, String message, int attempts) {
    }

    @SqlQuery("""
            SELECT id, alert_id, subject, message, attempts FROM alert_notifications
             WHERE sent_at IS NULL AND next_attempt_at <= :now ORDER BY id LIMIT 20""")
    List<Notification> due(@Bind("now") Instant now);

    @SqlUpdate("UPDATE alert_notifications SET sent_at = :at, message_id = :messageId, attempts = attempts + 1 WHERE id = :id")
    void sent(@Bind("id") long id, @Bind("messageId") String messageId, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE alert_notifications SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
             WHERE id = :id""")
    void failed(@Bind("id") long id, @Bind("error") String error, @Bind("next") Instant next);
}
