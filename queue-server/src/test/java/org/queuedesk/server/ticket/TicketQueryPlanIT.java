package org.queuedesk.server.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.testing.TestServer;

/**
 * The queries a grown database must answer without reading a service's or a site's whole history (issue 15, a
 * year of data): SQLite's own plan for the DAO's statement, on the migrated schema.
 */
@org.queuedesk.server.testing.SqliteOnly("SQLite's query plans (EXPLAIN QUERY PLAN)")
class TicketQueryPlanIT {

    private final Database db = Database.open(TestServer.freshDir().resolve("plan.db"), SqliteSettings.defaults());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void todaysListOfAServiceReadsThatDayOnlyThroughTheServiceDayIndex() throws Exception {
        String plan = plan(sql("forServiceOn", long.class, LocalDate.class));

        assertThat(plan).contains("USING INDEX tickets_by_service_day (service_id=? AND service_date=?)")
                .doesNotContain("SCAN");
    }

    @Test
    void theDaysEndFindsOpenTicketsWithoutReadingClosedOnes() throws Exception {
        String plan = plan(sql("openBefore", long.class, LocalDate.class, int.class));

        assertThat(plan).contains("USING INDEX tickets_open_by_day (site_id=? AND service_date<?)")
                .doesNotContain("SCAN");
    }

    private static String sql(String method, Class<?>... parameters) throws NoSuchMethodException {
        return TicketDao.class.getMethod(method, parameters).getAnnotation(SqlQuery.class).value();
    }

    /** The plan's lines, one per step; every named parameter bound to a value of the right type. */
    private String plan(String sql) {
        List<String> steps = db.read(h -> h.createQuery("EXPLAIN QUERY PLAN " + sql)
                .bind("serviceId", 1L).bind("siteId", 1L).bind("date", LocalDate.of(2026, 11, 23))
                .bind("today", LocalDate.of(2026, 11, 23)).bind("limit", 100)
                .cleanupHandleRollback()
                .map((rs, ctx) -> rs.getString("detail")).list());
        return String.join("\n", steps);
    }
}
