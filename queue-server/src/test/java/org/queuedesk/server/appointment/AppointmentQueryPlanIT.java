package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.server.ground.Database;
import org.queuedesk.server.ground.SqliteSettings;
import org.queuedesk.server.testing.TestServer;

/**
 * The places taken in a slot are counted in the booking's write, over booked, checked-in and missed bookings
 * (README, "Appointments"): that count, and the free-slot search's count per range, must read the doctor's few
 * bookings through an index, not every booking ever made. SQLite's own plan for the DAO's statement, on the
 * migrated schema (V11's partial index left out missed bookings, so it could not serve this count).
 */
@org.queuedesk.server.testing.SqliteOnly("SQLite's query plans")
class AppointmentQueryPlanIT {

    private final Database db = Database.open(TestServer.freshDir().resolve("plan.db"), SqliteSettings.defaults());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void placesTakenAreCountedThroughTheDoctorSlotIndexWithoutReadingTheTable() throws Exception {
        String sql = AppointmentDao.class.getMethod("takenOf", List.class, Instant.class, Instant.class)
                .getAnnotation(SqlQuery.class).value().replace("<doctors>", ":d1, :d2");

        String plan = plan(sql);

        assertThat(plan).contains("USING COVERING INDEX appointments_by_doctor_slot (doctor=? AND slot_start>? AND slot_start<?)")
                .doesNotContain("SCAN");
    }

    @Test
    void aBookingCountsThePlacesTakenThroughTheDoctorSlotIndexToo() {
        String plan = positionalPlan(BookingWriteDao.takenOfSql(2), "dr.a", "dr.b",
                Instant.parse("2026-03-26T08:00:00Z").toEpochMilli(), Instant.parse("2026-03-26T08:00:00.001Z").toEpochMilli());

        assertThat(plan).contains("USING COVERING INDEX appointments_by_doctor_slot (doctor=? AND slot_start>? AND slot_start<?)")
                .doesNotContain("SCAN");
    }

    @Test
    void aDoctorsBookingsOfADayAreCountedThroughAnIndex() {
        assertThat(positionalPlan(BookingWriteDao.bookingsOnSql(2), 1L, "2026-03-26", "dr.a", "dr.b"))
                .contains("USING INDEX").doesNotContain("SCAN");
    }

    /** The plan of a statement the writer runs as plain JDBC, its parameters bound by position. */
    private String positionalPlan(String sql, Object... parameters) {
        List<String> steps = db.read(h -> {
            var query = h.createQuery("EXPLAIN QUERY PLAN " + sql);
            for (int i = 0; i < parameters.length; i++) {
                query.bind(i, parameters[i]);
            }
            return query.cleanupHandleRollback().map((rs, ctx) -> rs.getString("detail")).list();
        });
        return String.join("\n", steps);
    }

    private String plan(String sql) {
        List<String> steps = db.read(h -> h.createQuery("EXPLAIN QUERY PLAN " + sql)
                .bind("d1", "dr.a").bind("d2", "dr.b").bind("siteId", 1L).bind("date", LocalDate.of(2026, 3, 26))
                .bind("from", Instant.parse("2026-03-26T00:00:00Z")).bind("to", Instant.parse("2026-03-27T00:00:00Z"))
                .cleanupHandleRollback()
                .map((rs, ctx) -> rs.getString("detail")).list());
        return String.join("\n", steps);
    }
}
