package org.queuedesk.server.site;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.queuedesk.common.site.SiteDto;

/**
 * A site by id, which many reads look up first (its time zone gives "today"). Its own small interface because
 * Jdbi prepares every method of a DAO each time one is attached to a fresh read handle, and {@link SiteDao} has
 * forty; {@link SiteDao} extends it, so the writer's attached DAO answers it too.
 */
public interface SiteLookupDao {

    @SqlQuery("SELECT id, name, time_zone FROM sites WHERE id = :id")
    @RegisterRowMapper(SiteRowMappers.Sites.class)
    Optional<SiteDto> site(@Bind("id") long id);
}
