package org.queuedesk.server.health;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The metrics' SQL: every service with its site's time zone, and today's waiting count per service. */
@RegisterConstructorMapper(QueueLengthDao.ServiceZone.class)
public interface QueueLengthDao {

    record ServiceZone(long siteId, long serviceId, String prefix, String timeZone) {
    }

    @SqlQuery("SELECT sv.site_id, sv.id AS service_id, sv.prefix, si.time_zone FROM services sv JOIN sites si ON si.id = sv.site_id")
    List<ServiceZone> services();

    @SqlQuery("SELECT count(*) FROM tickets WHERE service_id = :serviceId AND state = 'waiting' AND service_date = :date")
    long waiting(@org.jdbi.v3.sqlobject.customizer.Bind("serviceId") long serviceId,
                 @org.jdbi.v3.sqlobject.customizer.Bind("date") String date);
}
