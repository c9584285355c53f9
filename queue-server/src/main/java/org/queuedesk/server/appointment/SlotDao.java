package org.queuedesk.server.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What a free-slot search reads: schedules, exceptions and places taken. Its own small interface because Jdbi
 * prepares every method of a DAO each time one is attached to a fresh read handle, and for the 40 methods of
 * {@link AppointmentDao} that was over half of a search's or a booking's CPU (README, "Benchmark").
 * {@link AppointmentDao} extends it, so the writer's attached DAO answers these too.
 */
public interface SlotDao {

    /** A doctor's weekly blocks and the blocks of their exceptions from {@code from} to {@code to}. */
    @SqlQuery("SELECT " + AppointmentDao.BLOCK_COLUMNS + """
             FROM schedule_blocks b
            WHERE b.site_id = :siteId AND b.doctor = :doctor
              AND (b.weekday IS NOT NULL OR b.on_date BETWEEN :from AND :to)
            ORDER BY b.on_date, b.weekday, b.start_time, b.id""")
    @RegisterRowMapper(AppointmentDao.BlockRow.Mapper.class)
    List<AppointmentDao.BlockRow> blocks(@Bind("siteId") long siteId, @Bind("doctor") String doctor,
                                         @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /**
     * The weekly blocks and the blocks of exceptions from {@code from} to {@code to} of every doctor at a site, by
     * doctor: one read for a free-slot search of any doctor, whatever the number of doctors.
     */
    @SqlQuery("SELECT b.doctor, " + AppointmentDao.BLOCK_COLUMNS + """
             FROM schedule_blocks b
            WHERE b.site_id = :siteId AND (b.weekday IS NOT NULL OR b.on_date BETWEEN :from AND :to)
            ORDER BY b.doctor, b.on_date, b.weekday, b.start_time, b.id""")
    @RegisterRowMapper(AppointmentDao.DoctorBlock.Mapper.class)
    List<AppointmentDao.DoctorBlock> siteBlocks(@Bind("siteId") long siteId, @Bind("from") LocalDate from,
                                                @Bind("to") LocalDate to);

    /** The exception days from {@code from} to {@code to} of every doctor at a site. */
    @SqlQuery("""
            SELECT doctor, on_date FROM schedule_exceptions
             WHERE site_id = :siteId AND on_date BETWEEN :from AND :to""")
    @RegisterRowMapper(AppointmentDao.DoctorDay.Mapper.class)
    List<AppointmentDao.DoctorDay> siteExceptions(@Bind("siteId") long siteId, @Bind("from") LocalDate from,
                                                  @Bind("to") LocalDate to);

    /** The dates from {@code from} to {@code to} with an exception, and their notes. */
    @SqlQuery("""
            SELECT on_date, note FROM schedule_exceptions
             WHERE site_id = :siteId AND doctor = :doctor AND on_date BETWEEN :from AND :to ORDER BY on_date""")
    @RegisterRowMapper(AppointmentDao.ExceptionRow.Mapper.class)
    List<AppointmentDao.ExceptionRow> exceptions(@Bind("siteId") long siteId, @Bind("doctor") String doctor,
                                                 @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** The doctors with a schedule at a site that has a block for the service. */
    @SqlQuery("""
            SELECT DISTINCT b.doctor FROM schedule_blocks b JOIN schedule_block_services s ON s.block_id = b.id
             WHERE b.site_id = :siteId AND s.service_id = :serviceId ORDER BY b.doctor""")
    List<String> doctorsOf(@Bind("siteId") long siteId, @Bind("serviceId") long serviceId);

    /**
     * Places taken in the slots of these doctors starting in {@code [from, to)}, per doctor and slot start: one
     * query for a whole range of a search, or for a booking's candidates (index appointments_by_doctor_slot).
     */
    @SqlQuery("""
            SELECT doctor, slot_start, count(*) AS taken FROM appointments
             WHERE doctor IN (<doctors>) AND slot_start >= :from AND slot_start < :to
               AND state IN ('booked','checked_in','missed')
             GROUP BY doctor, slot_start""")
    @RegisterRowMapper(AppointmentDao.DoctorTaken.Mapper.class)
    List<AppointmentDao.DoctorTaken> takenOf(@BindList("doctors") List<String> doctors, @Bind("from") Instant from,
                                             @Bind("to") Instant to);
}
