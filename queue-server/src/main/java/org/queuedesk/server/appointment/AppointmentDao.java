package org.queuedesk.server.appointment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.server.report.ReportAppointments;

/** All SQL of schedules and bookings; the appointment feature owns these tables. */
@RegisterRowMapper(AppointmentDao.BlockRow.Mapper.class)
@RegisterRowMapper(AppointmentDao.AppointmentMapper.class)
public interface AppointmentDao extends SlotDao, org.jdbi.v3.sqlobject.SqlObject {

    String COLUMNS = """
            id, site_id, service_id, doctor, room_id, slot_start, slot_end, local_date, local_time, code, state,
            patient_name, phone, language, ticket_id, booked_at""";

    // ---- schedules

    /** A block as stored, with its services as a comma-separated list. */
    record BlockRow(long id, Integer weekday, LocalDate onDate, WorkBlock block) {

        public static final class Mapper implements RowMapper<BlockRow> {
            @Override
            public BlockRow map(ResultSet rs, StatementContext ctx) throws SQLException {
                String services = rs.getString("service_ids");
                List<Long> ids = services == null || services.isEmpty() ? List.of()
                        : Arrays.stream(services.split(",")).map(Long::valueOf).sorted().toList();
                int weekday = rs.getInt("weekday");
                Integer day = rs.wasNull() ? null : weekday;
                long room = rs.getLong("room_id");
                Long roomId = rs.wasNull() ? null : room;
                String onDate = rs.getString("on_date");
                long id = rs.getLong("id");
                return new BlockRow(id, day, onDate == null ? null : LocalDate.parse(onDate),
                        new WorkBlock(id, day, LocalTime.parse(rs.getString("start_time")),
                                LocalTime.parse(rs.getString("end_time")), ids, roomId, rs.getInt("slot_minutes"),
                                rs.getInt("capacity")));
            }
        }
    }

    String BLOCK_COLUMNS = """
            b.id, b.weekday, b.on_date, b.start_time, b.end_time, b.slot_minutes, b.capacity, b.room_id,
            (SELECT <stringAgg>(CAST(s.service_id AS TEXT), ',') FROM schedule_block_services s WHERE s.block_id = b.id) AS service_ids""";

    record DoctorBlock(String doctor, BlockRow row) {
        public static final class Mapper implements RowMapper<DoctorBlock> {
            private final BlockRow.Mapper rows = new BlockRow.Mapper();

            @Override
            public DoctorBlock map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new DoctorBlock(rs.getString("doctor"), rows.map(rs, ctx));
            }
        }
    }

    record DoctorDay(String doctor, LocalDate date) {
        public static final class Mapper implements RowMapper<DoctorDay> {
            @Override
            public DoctorDay map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new DoctorDay(rs.getString("doctor"), LocalDate.parse(rs.getString("on_date")));
            }
        }
    }

    record ExceptionRow(LocalDate date, String note) {
        public static final class Mapper implements RowMapper<ExceptionRow> {
            @Override
            public ExceptionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new ExceptionRow(LocalDate.parse(rs.getString("on_date")), rs.getString("note"));
            }
        }
    }

    @SqlUpdate("""
            DELETE FROM schedule_block_services
             WHERE block_id IN (SELECT id FROM schedule_blocks WHERE site_id = :siteId AND doctor = :doctor AND weekday IS NOT NULL)""")
    void deleteWeeklyServices(@Bind("siteId") long siteId, @Bind("doctor") String doctor);

    @SqlUpdate("DELETE FROM schedule_blocks WHERE site_id = :siteId AND doctor = :doctor AND weekday IS NOT NULL")
    void deleteWeekly(@Bind("siteId") long siteId, @Bind("doctor") String doctor);

    @SqlUpdate("""
            DELETE FROM schedule_block_services
             WHERE block_id IN (SELECT id FROM schedule_blocks WHERE site_id = :siteId AND doctor = :doctor AND on_date = :date)""")
    void deleteDatedServices(@Bind("siteId") long siteId, @Bind("doctor") String doctor, @Bind("date") LocalDate date);

    @SqlUpdate("DELETE FROM schedule_blocks WHERE site_id = :siteId AND doctor = :doctor AND on_date = :date")
    void deleteDated(@Bind("siteId") long siteId, @Bind("doctor") String doctor, @Bind("date") LocalDate date);

    @SqlUpdate("DELETE FROM schedule_exceptions WHERE site_id = :siteId AND doctor = :doctor AND on_date = :date")
    int deleteException(@Bind("siteId") long siteId, @Bind("doctor") String doctor, @Bind("date") LocalDate date);

    @SqlUpdate("INSERT INTO schedule_exceptions(site_id, doctor, on_date, note) VALUES (:siteId, :doctor, :date, :note)")
    void insertException(@Bind("siteId") long siteId, @Bind("doctor") String doctor, @Bind("date") LocalDate date,
                         @Bind("note") String note);

    @SqlUpdate("""
            INSERT INTO schedule_blocks(site_id, doctor, weekday, on_date, start_time, end_time, slot_minutes, capacity, room_id)
            VALUES (:siteId, :doctor, :weekday, :date, :start, :end, :slotMinutes, :capacity, :roomId)""")
    @GetGeneratedKeys("id")
    long insertBlock(@Bind("siteId") long siteId, @Bind("doctor") String doctor, @Bind("weekday") Integer weekday,
                     @Bind("date") LocalDate date, @Bind("start") String start, @Bind("end") String end,
                     @Bind("slotMinutes") int slotMinutes, @Bind("capacity") int capacity, @Bind("roomId") Long roomId);

    @SqlUpdate("INSERT INTO schedule_block_services(block_id, service_id) VALUES (:blockId, :serviceId)")
    void insertBlockService(@Bind("blockId") long blockId, @Bind("serviceId") long serviceId);

    @SqlQuery("SELECT grace_minutes FROM appointment_settings WHERE site_id = :siteId")
    Optional<Integer> graceMinutes(@Bind("siteId") long siteId);

    @SqlUpdate("""
            INSERT INTO appointment_settings(site_id, grace_minutes) VALUES (:siteId, :minutes)
            ON CONFLICT(site_id) DO UPDATE SET grace_minutes = excluded.grace_minutes""")
    void setGraceMinutes(@Bind("siteId") long siteId, @Bind("minutes") int minutes);

    @SqlQuery("SELECT reminder_time, reminder_minutes_before FROM appointment_settings WHERE site_id = :siteId")
    @RegisterConstructorMapper(ReminderSettings.class)
    Optional<ReminderSettings> reminderSettings(@Bind("siteId") long siteId);

    @SqlUpdate("""
            INSERT INTO appointment_settings(site_id, reminder_time, reminder_minutes_before)
            VALUES (:siteId, :time, :minutesBefore)
            ON CONFLICT(site_id) DO UPDATE SET reminder_time = excluded.reminder_time,
                                               reminder_minutes_before = excluded.reminder_minutes_before""")
    void setReminders(@Bind("siteId") long siteId, @Bind("time") String time, @Bind("minutesBefore") Integer minutesBefore);

    /** A site's reminder times: the day before at {@code reminderTime} local, and {@code minutesBefore} (or none). */
    record ReminderSettings(String reminderTime, Integer reminderMinutesBefore) {
        static final ReminderSettings DEFAULT = new ReminderSettings("18:00", null);
    }

    // ---- reminders

    /**
     * Bookings with a phone whose slot starts after {@code now} and by {@code horizon}; {@code changedAt} is when
     * the booking took its current slot (booked, or last moved).
     */
    @SqlQuery("""
            SELECT id, site_id, slot_start, local_date, updated_at AS changed_at FROM appointments
             WHERE state = 'booked' AND phone IS NOT NULL AND slot_start > :now AND slot_start <= :horizon
             ORDER BY slot_start, id""")
    @RegisterConstructorMapper(ReminderCandidate.class)
    List<ReminderCandidate> reminderCandidates(@Bind("now") Instant now, @Bind("horizon") Instant horizon);

    record ReminderCandidate(long id, long siteId, Instant slotStart, String localDate, Instant changedAt) {
    }

    /** Records a reminder of this booking's slot; 0 when it was recorded before (then it must not go again). */
    @SqlUpdate("""
            INSERT INTO appointment_reminders(appointment_id, kind, slot_start, at) VALUES (:id, :kind, :slotStart, :at)
            ON CONFLICT DO NOTHING""")
    int recordReminder(@Bind("id") long id, @Bind("kind") String kind, @Bind("slotStart") Instant slotStart,
                       @Bind("at") Instant at);

    // ---- bookings

    @SqlQuery("SELECT " + COLUMNS + " FROM appointments WHERE id = :id")
    Optional<AppointmentDto> find(@Bind("id") long id);

    /**
     * The booking, for a write that changes it (check-in, move, cancel): where many transactions write (PostgreSQL)
     * its row stays locked until the write ends, so of two changes at once the second reads what the first left
     * and is refused by its state (409) instead of failing on the vanished 'booked' row.
     */
    default Optional<AppointmentDto> findToChange(long id) {
        return org.queuedesk.server.ground.Dialect.of(getHandle()) == org.queuedesk.server.ground.Dialect.POSTGRESQL
                ? findLocked(id) : find(id);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM appointments WHERE id = :id FOR UPDATE")
    Optional<AppointmentDto> findLocked(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM appointments WHERE site_id = :siteId AND code = :code AND state = 'booked'")
    Optional<AppointmentDto> findActiveByCode(@Bind("siteId") long siteId, @Bind("code") String code);

    /** A site's bookings on a local day with this code, in any state: a kiosk tells "already checked in" apart. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM appointments WHERE site_id = :siteId AND local_date = :date AND code = :code
            ORDER BY slot_start, id""")
    List<AppointmentDto> withCodeOn(@Bind("siteId") long siteId, @Bind("date") LocalDate date, @Bind("code") String code);

    /** A site's bookings on a local day for this (stored, E.164) phone number, in any state, by time. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM appointments WHERE site_id = :siteId AND local_date = :date AND phone = :phone
            ORDER BY slot_start, id""")
    List<AppointmentDto> withPhoneOn(@Bind("siteId") long siteId, @Bind("date") LocalDate date, @Bind("phone") String phone);

    /** A site's bookings on a local day (optionally one doctor's), by time. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM appointments WHERE site_id = :siteId AND local_date = :date AND (:doctor IS NULL OR doctor = :doctor)
            ORDER BY slot_start, doctor, id""")
    List<AppointmentDto> onDay(@Bind("siteId") long siteId, @Bind("date") LocalDate date, @Bind("doctor") String doctor);

    record DoctorTaken(String doctor, long slotStart, int count) {
        public static final class Mapper implements RowMapper<DoctorTaken> {
            @Override
            public DoctorTaken map(ResultSet rs, StatementContext ctx) throws SQLException {
                return new DoctorTaken(rs.getString("doctor"), rs.getLong("slot_start"), rs.getInt("taken"));
            }
        }
    }

    /** How many bookings (in any state) a doctor has at a site on a local day ({@link BookingWriteDao#bookingsOn}). */
    record DoctorCount(String doctor, int count) {
    }

    @SqlQuery("""
            UPDATE appointments SET doctor = :doctor, room_id = :roomId, slot_start = :start, slot_end = :end,
                   local_date = :date, local_time = :time, updated_at = :at
             WHERE id = :id AND state = 'booked'
            RETURNING\s""" + COLUMNS)
    Optional<AppointmentDto> move(@Bind("id") long id, @Bind("doctor") String doctor, @Bind("roomId") Long roomId,
                                  @Bind("start") Instant start, @Bind("end") Instant end, @Bind("date") LocalDate date,
                                  @Bind("time") String time, @Bind("at") Instant at);

    @SqlQuery("""
            UPDATE appointments SET state = :state, ticket_id = coalesce(:ticketId, ticket_id), updated_at = :at
             WHERE id = :id AND state = 'booked'
            RETURNING\s""" + COLUMNS)
    Optional<AppointmentDto> settle(@Bind("id") long id, @Bind("state") String state, @Bind("ticketId") Long ticketId,
                                    @Bind("at") Instant at);

    /** Bookings nobody checked in whose slot ended before {@code endedBefore} at a site with that grace. */
    @SqlQuery("""
            SELECT a.id FROM appointments a LEFT JOIN appointment_settings g ON g.site_id = a.site_id
             WHERE a.state = 'booked' AND a.slot_end < :now - 60000 * coalesce(g.grace_minutes, :defaultGrace)
             ORDER BY a.slot_end, a.id LIMIT :limit""")
    List<Long> overdue(@Bind("now") Instant now, @Bind("defaultGrace") int defaultGrace, @Bind("limit") int limit);

    // ---- personal data

    @SqlQuery("""
            SELECT id FROM appointments
             WHERE (patient_name IS NOT NULL OR phone IS NOT NULL) AND slot_start < :cutoff AND site_id = :siteId
             ORDER BY slot_start, id LIMIT :limit""")
    List<Long> withPersonalDataBefore(@Bind("siteId") long siteId, @Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    @SqlQuery("SELECT id FROM appointments WHERE ticket_id IN (<ids>)")
    List<Long> idsForTickets(@BindList("ids") List<Long> ticketIds);

    @SqlUpdate("UPDATE appointments SET patient_name = NULL, phone = NULL WHERE id IN (<ids>)")
    int forgetPersonalData(@BindList("ids") List<Long> ids);

    @SqlUpdate("UPDATE appointments SET patient_name = NULL, phone = NULL WHERE ticket_id IN (<ids>) AND (patient_name IS NOT NULL OR phone IS NOT NULL)")
    int forgetForTickets(@BindList("ids") List<Long> ticketIds);

    // ---- reports

    /** Bookings per slot date, service, doctor and state: what reports count (no name or phone). */
    @SqlQuery("""
            SELECT local_date, service_id, doctor, state, count(*) AS count FROM appointments
             WHERE site_id = :siteId AND local_date BETWEEN :from AND :to
             GROUP BY local_date, service_id, doctor, state""")
    @RegisterConstructorMapper(ReportAppointments.Count.class)
    List<ReportAppointments.Count> countsForReport(@Bind("siteId") long siteId, @Bind("from") LocalDate from,
                                                   @Bind("to") LocalDate to);

    /** Checked-in bookings' tickets and slot starts, for the waits of reports. */
    @SqlQuery("""
            SELECT ticket_id, slot_start FROM appointments
             WHERE site_id = :siteId AND local_date BETWEEN :from AND :to AND state = 'checked_in'
               AND ticket_id IS NOT NULL""")
    @RegisterConstructorMapper(CheckedIn.class)
    List<CheckedIn> checkedInForReport(@Bind("siteId") long siteId, @Bind("from") LocalDate from,
                                       @Bind("to") LocalDate to);

    record CheckedIn(long ticketId, Instant slotStart) {
    }

    /** Maps an {@code appointments} row to the wire record. */
    final class AppointmentMapper implements RowMapper<AppointmentDto> {
        @Override
        public AppointmentDto map(ResultSet rs, StatementContext ctx) throws SQLException {
            long room = rs.getLong("room_id");
            Long roomId = rs.wasNull() ? null : room;
            long ticket = rs.getLong("ticket_id");
            Long ticketId = rs.wasNull() ? null : ticket;
            return new AppointmentDto(rs.getLong("id"), rs.getLong("site_id"), rs.getLong("service_id"),
                    rs.getString("doctor"), roomId, Instant.ofEpochMilli(rs.getLong("slot_start")),
                    Instant.ofEpochMilli(rs.getLong("slot_end")), LocalDate.parse(rs.getString("local_date")),
                    rs.getString("local_time"), rs.getString("code"), AppointmentState.fromWire(rs.getString("state")),
                    rs.getString("patient_name"), rs.getString("phone"), rs.getString("language"), ticketId,
                    Instant.ofEpochMilli(rs.getLong("booked_at")));
        }
    }
}
