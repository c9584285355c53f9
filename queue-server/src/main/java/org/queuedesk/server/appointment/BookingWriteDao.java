package org.queuedesk.server.appointment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.server.ground.WriteTransaction;

/**
 * The statements a booking runs on the writer, as plain prepared statements ({@link WriteTransaction#sql}):
 * through {@link AppointmentDao} each one went through Jdbi's per-statement machinery, which cost the writer
 * more than SQLite's own work (README, "Benchmark"). Same SQL and storage as the DAO, which everything else keeps
 * using; a list parameter becomes as many placeholders, so each list length is its own cached statement.
 */
final class BookingWriteDao {

    private BookingWriteDao() {
    }

    /** {@link AppointmentDao#stillPlanned}: of these blocks, those that still plan slots on {@code date}. */
    static int stillPlanned(WriteTransaction tx, List<Long> blockIds, LocalDate date) {
        return tx.sql(STILL_PLANNED.of(blockIds.size()), s -> {
            int i = 1;
            for (long id : blockIds) {
                s.setLong(i++, id);
            }
            s.setString(i, date.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** {@link AppointmentDao#takenOf}: places taken per doctor in slots starting in {@code [from, to)}. */
    static List<AppointmentDao.DoctorTaken> takenOf(WriteTransaction tx, List<String> doctors, Instant from, Instant to) {
        return tx.sql(takenOfSql(doctors.size()), s -> {
            int i = bind(s, 1, doctors);
            s.setLong(i++, from.toEpochMilli());
            s.setLong(i, to.toEpochMilli());
            var taken = new ArrayList<AppointmentDao.DoctorTaken>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    taken.add(new AppointmentDao.DoctorTaken(rs.getString(1), rs.getLong(2), rs.getInt(3)));
                }
            }
            return taken;
        });
    }

    /** {@link AppointmentDao#bookingsOn}: bookings (any state) of each of these doctors at a site on a local day. */
    static List<AppointmentDao.DoctorCount> bookingsOn(WriteTransaction tx, long siteId, LocalDate date,
                                                       List<String> doctors) {
        return tx.sql(bookingsOnSql(doctors.size()), s -> {
            s.setLong(1, siteId);
            s.setString(2, date.toString());
            bind(s, 3, doctors);
            var counts = new ArrayList<AppointmentDao.DoctorCount>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.add(new AppointmentDao.DoctorCount(rs.getString(1), rs.getInt(2)));
                }
            }
            return counts;
        });
    }

    /** Whether an active booking has this code (codes are unique among active bookings). */
    static boolean codeInUse(WriteTransaction tx, String code) {
        return tx.sql("SELECT count(*) FROM appointments WHERE code = ? AND state = 'booked'", s -> {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }

    /** {@link AppointmentDao#insert}: the new booking, as stored. */
    static AppointmentDto insert(WriteTransaction tx, long siteId, long serviceId, String doctor, Long roomId,
                                 Instant start, Instant end, LocalDate date, String time, String code, String name,
                                 String phone, String language, Instant at) {
        return tx.sql("""
                INSERT INTO appointments(site_id, service_id, doctor, room_id, slot_start, slot_end, local_date, local_time,
                                         code, state, patient_name, phone, language, booked_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?)
                RETURNING\s""" + AppointmentDao.COLUMNS, s -> {
            s.setLong(1, siteId);
            s.setLong(2, serviceId);
            s.setString(3, doctor);
            if (roomId == null) {
                s.setNull(4, Types.BIGINT);
            } else {
                s.setLong(4, roomId);
            }
            s.setLong(5, start.toEpochMilli());
            s.setLong(6, end.toEpochMilli());
            s.setString(7, date.toString());
            s.setString(8, time);
            s.setString(9, code);
            s.setString(10, name);
            text(s, 11, phone);
            text(s, 12, language);
            s.setLong(13, at.toEpochMilli());
            s.setLong(14, at.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new AppointmentDao.AppointmentMapper().map(rs, null);
            }
        });
    }

    /** Doctor, slot start and places taken, for {@code doctors} doctors (AppointmentQueryPlanIT reads its plan). */
    static String takenOfSql(int doctors) {
        return TAKEN_OF.of(doctors);
    }

    /** Site, local day, then {@code doctors} doctors (AppointmentQueryPlanIT reads its plan). */
    static String bookingsOnSql(int doctors) {
        return BOOKINGS_ON.of(doctors);
    }

    private static final ListSql STILL_PLANNED = new ListSql("""
            SELECT count(*) FROM schedule_blocks b
             WHERE b.id IN (%s)
               AND (b.on_date IS NOT NULL OR NOT EXISTS (SELECT 1 FROM schedule_exceptions e
                    WHERE e.site_id = b.site_id AND e.doctor = b.doctor AND e.on_date = ?))""");
    private static final ListSql TAKEN_OF = new ListSql("""
            SELECT doctor, slot_start, count(*) AS taken FROM appointments
             WHERE doctor IN (%s) AND slot_start >= ? AND slot_start < ?
               AND state IN ('booked','checked_in','missed')
             GROUP BY doctor, slot_start""");
    private static final ListSql BOOKINGS_ON = new ListSql("""
            SELECT doctor, count(*) AS count FROM appointments
             WHERE site_id = ? AND local_date = ? AND doctor IN (%s)
             GROUP BY doctor""");

    /** A statement with one list parameter, written out for the usual list lengths once (formatting cost per call). */
    private static final class ListSql {
        private static final int KEPT = 16;
        private final String template;
        private final String[] written = new String[KEPT + 1];

        ListSql(String template) {
            this.template = template;
            for (int n = 1; n <= KEPT; n++) {
                written[n] = write(n);
            }
        }

        String of(int count) {
            return count <= KEPT ? written[count] : write(count);
        }

        private String write(int count) {
            return template.formatted(String.join(", ", Collections.nCopies(count, "?")));
        }
    }

    private static int bind(PreparedStatement s, int first, List<String> values) throws SQLException {
        int i = first;
        for (String value : values) {
            s.setString(i++, value);
        }
        return i;
    }

    private static void text(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }
}
