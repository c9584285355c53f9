package org.queuedesk.server.site;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.common.site.SiteDto;

/** All SQL for sites, services and rooms. */
@RegisterRowMapper(SiteRowMappers.Sites.class)
@RegisterRowMapper(SiteRowMappers.Services.class)
@RegisterRowMapper(SiteRowMappers.Rooms.class)
public interface SiteDao {

    @SqlQuery("SELECT id, name, time_zone FROM sites ORDER BY id")
    List<SiteDto> sites();

    @SqlQuery("SELECT id, name, time_zone FROM sites WHERE id = :id")
    Optional<SiteDto> site(@Bind("id") long id);

    @SqlQuery("INSERT INTO sites(name, time_zone) VALUES (:name, :timeZone) RETURNING id, name, time_zone")
    SiteDto insertSite(@Bind("name") String name, @Bind("timeZone") String timeZone);

    @SqlQuery("SELECT id, site_id, name, prefix, almost_turn_position, active FROM services WHERE site_id = :siteId ORDER BY prefix")
    List<ServiceDto> services(@Bind("siteId") long siteId);

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

    @SqlQuery("SELECT id, site_id, name FROM rooms WHERE site_id = :siteId ORDER BY name")
    List<RoomDto> rooms(@Bind("siteId") long siteId);

    @SqlQuery("SELECT id, site_id, name FROM rooms WHERE id = :id")
    Optional<RoomDto> room(@Bind("id") long id);

    @SqlQuery("INSERT INTO rooms(site_id, name) VALUES (:siteId, :name) RETURNING id, site_id, name")
    RoomDto insertRoom(@Bind("siteId") long siteId, @Bind("name") String name);

    @SqlQuery("SELECT count(*) FROM rooms WHERE site_id = :siteId AND name = :name")
    int countRoomsNamed(@Bind("siteId") long siteId, @Bind("name") String name);

    @SqlQuery("SELECT count(*) FROM sites WHERE name = :name")
    int countSitesNamed(@Bind("name") String name);
}
