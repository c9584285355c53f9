package org.queuedesk.server.site;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.server.ground.Port;

/**
 * All SQL for sites, services and rooms, including what other features keep on a site's row: its text
 * message settings (notify) and the last sequence number of its event log (event). {@link #service} and {@link #room} leave out the names in other
 * languages (every ticket change reads them); the {@code named…} queries and the lists carry them.
 */
@Port
@RegisterRowMapper(SiteRowMappers.Sites.class)
@RegisterRowMapper(SiteRowMappers.Services.class)
@RegisterRowMapper(SiteRowMappers.Rooms.class)
public interface SiteDao extends SiteLookupDao, org.jdbi.v3.sqlobject.SqlObject {

    @SqlQuery("SELECT id, name, time_zone FROM sites ORDER BY id")
    List<SiteDto> sites();


    @SqlQuery("INSERT INTO sites(name, time_zone) VALUES (:name, :timeZone) RETURNING id, name, time_zone")
    SiteDto insertSite(@Bind("name") String name, @Bind("timeZone") String timeZone);

    String SERVICE_NAMES = "(SELECT <jsonObjectAgg>(language, name) FROM service_names WHERE service_id = services.id) AS names";
    String ROOM_NAMES = "(SELECT <jsonObjectAgg>(language, name) FROM room_names WHERE room_id = rooms.id) AS names";

    @SqlQuery("SELECT id, site_id, name, prefix, almost_turn_position, active, " + SERVICE_NAMES
            + " FROM services WHERE site_id = :siteId ORDER BY prefix")
    @UseRowMapper(SiteRowMappers.NamedServices.class)
    List<ServiceDto> services(@Bind("siteId") long siteId);

    @SqlQuery("SELECT id, site_id, name, prefix, almost_turn_position, active, " + SERVICE_NAMES + " FROM services WHERE id = :id")
    @UseRowMapper(SiteRowMappers.NamedServices.class)
    Optional<ServiceDto> namedService(@Bind("id") long id);

    /** The service's name in {@code language}, else its default name. */
    @SqlQuery("""
            SELECT coalesce((SELECT name FROM service_names WHERE service_id = :id AND language = :language), name)
            FROM services WHERE id = :id""")
    Optional<String> serviceName(@Bind("id") long id, @Bind("language") String language);

    @SqlUpdate("DELETE FROM service_names WHERE service_id = :id")
    void deleteServiceNames(@Bind("id") long id);

    @SqlUpdate("INSERT INTO service_names(service_id, language, name) VALUES (:id, :language, :name)")
    void insertServiceName(@Bind("id") long id, @Bind("language") String language, @Bind("name") String name);

    @SqlQuery("SELECT id, site_id, name, prefix, almost_turn_position, active FROM services WHERE id = :id")
    Optional<ServiceDto> service(@Bind("id") long id);

    @SqlQuery("""
            INSERT INTO services(site_id, name, prefix, almost_turn_position)
            VALUES (:siteId, :name, :prefix, :almostTurnPosition)
            RETURNING id, site_id, name, prefix, almost_turn_position, active""")
    ServiceDto insertService(@Bind("siteId") long siteId, @Bind("name") String name, @Bind("prefix") String prefix,
                             @Bind("almostTurnPosition") int almostTurnPosition);

    @SqlQuery("SELECT count(*) FROM services WHERE site_id = :siteId AND (name = :name OR prefix = :prefix)")
    int countClashingServices(@Bind("siteId") long siteId, @Bind("name") String name, @Bind("prefix") String prefix);

    @SqlQuery("SELECT id, site_id, name, " + ROOM_NAMES + " FROM rooms WHERE site_id = :siteId ORDER BY name")
    @UseRowMapper(SiteRowMappers.NamedRooms.class)
    List<RoomDto> rooms(@Bind("siteId") long siteId);

    @SqlQuery("SELECT id, site_id, name, " + ROOM_NAMES + " FROM rooms WHERE id = :id")
    @UseRowMapper(SiteRowMappers.NamedRooms.class)
    Optional<RoomDto> namedRoom(@Bind("id") long id);

    /** The room's name in {@code language}, else its default name. */
    @SqlQuery("""
            SELECT coalesce((SELECT name FROM room_names WHERE room_id = :id AND language = :language), name)
            FROM rooms WHERE id = :id""")
    Optional<String> roomName(@Bind("id") long id, @Bind("language") String language);

    @SqlUpdate("DELETE FROM room_names WHERE room_id = :id")
    void deleteRoomNames(@Bind("id") long id);

    @SqlUpdate("INSERT INTO room_names(room_id, language, name) VALUES (:id, :language, :name)")
    void insertRoomName(@Bind("id") long id, @Bind("language") String language, @Bind("name") String name);

    @SqlQuery("SELECT id, site_id, name FROM rooms WHERE id = :id")
    Optional<RoomDto> room(@Bind("id") long id);

    @SqlQuery("INSERT INTO rooms(site_id, name) VALUES (:siteId, :name) RETURNING id, site_id, name")
    RoomDto insertRoom(@Bind("siteId") long siteId, @Bind("name") String name);

    @SqlQuery("SELECT count(*) FROM rooms WHERE site_id = :siteId AND name = :name")
    int countRoomsNamed(@Bind("siteId") long siteId, @Bind("name") String name);

    @SqlQuery("SELECT count(*) FROM sites WHERE name = :name")
    int countSitesNamed(@Bind("name") String name);

    /** Every service with its site's time zone (the metrics count each service's day in its site's zone). */
    @SqlQuery("SELECT sv.site_id, sv.id AS service_id, sv.prefix, si.time_zone FROM services sv JOIN sites si ON si.id = sv.site_id")
    @RegisterConstructorMapper(ServiceZone.class)
    List<ServiceZone> serviceZones();

    record ServiceZone(long siteId, long serviceId, String prefix, String timeZone) {
    }

    /** The service time an admin expects at a service: the wait estimate's last prior (docs/adr/0010). */
    @SqlQuery("SELECT default_service_minutes FROM services WHERE id = :serviceId")
    Optional<Integer> defaultServiceMinutes(@Bind("serviceId") long serviceId);

    @SqlUpdate("UPDATE services SET default_service_minutes = :minutes WHERE id = :serviceId")
    int setDefaultServiceMinutes(@Bind("serviceId") long serviceId, @Bind("minutes") int minutes);

    /** A site's settings as an admin edits them (SiteDto leaves out the region and the retention). */
    @SqlQuery("SELECT id, time_zone, phone_region, retention_days FROM sites WHERE id = :siteId")
    @RegisterConstructorMapper(SettingsRow.class)
    Optional<SettingsRow> settings(@Bind("siteId") long siteId);

    record SettingsRow(long id, String timeZone, String phoneRegion, Integer retentionDays) {
    }

    @SqlUpdate("""
            UPDATE sites SET time_zone = :timeZone, phone_region = :region, retention_days = :retentionDays
             WHERE id = :siteId""")
    int setSettings(@Bind("siteId") long siteId, @Bind("timeZone") String timeZone, @Bind("region") String region,
                    @Bind("retentionDays") Integer retentionDays);

    /** Every site with its own retention in days, or null where it follows the server's (the purge reads it). */
    @SqlQuery("SELECT id, retention_days FROM sites ORDER BY id")
    @RegisterConstructorMapper(Retention.class)
    List<Retention> retentions();

    record Retention(long id, Integer retentionDays) {
    }

    @SqlQuery("SELECT count(*) FROM services WHERE site_id = :siteId AND prefix = :prefix AND id <> :serviceId")
    int countOtherServicesWithPrefix(@Bind("siteId") long siteId, @Bind("serviceId") long serviceId,
                                     @Bind("prefix") String prefix);

    @SqlUpdate("UPDATE services SET prefix = :prefix, almost_turn_position = :almost WHERE id = :serviceId")
    int setServiceSettings(@Bind("serviceId") long serviceId, @Bind("prefix") String prefix, @Bind("almost") int almost);

    /** The region national phone numbers are read in, for text messages. */
    @SqlQuery("SELECT phone_region FROM sites WHERE id = :siteId")
    Optional<String> phoneRegion(@Bind("siteId") long siteId);

    /** The language of text messages when a ticket has none of its own. */
    @SqlQuery("SELECT sms_language FROM sites WHERE id = :siteId")
    Optional<String> smsLanguage(@Bind("siteId") long siteId);

    @SqlUpdate("UPDATE sites SET phone_region = :region, sms_language = :language WHERE id = :siteId")
    int setSmsSettings(@Bind("siteId") long siteId, @Bind("region") String region, @Bind("language") String language);

    /** The site's last event sequence number as this transaction sees it, stored in the log or on the site. */
    @SqlQuery("""
            SELECT <greatest>(event_seq, coalesce((SELECT max(seq) FROM events WHERE site_id = :siteId), 0))
              FROM sites WHERE id = :siteId""")
    long lastWrittenEventSeq(@Bind("siteId") long siteId);

    /** The site's last event sequence number as stored on the site (settled at each commit). */
    @SqlQuery("SELECT event_seq FROM sites WHERE id = :siteId")
    long lastEventSeq(@Bind("siteId") long siteId);
}
