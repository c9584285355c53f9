package org.queuedesk.server.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.queuedesk.common.appointment.ScheduleBlockDto;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleDto;
import org.queuedesk.common.appointment.ScheduleExceptionDto;
import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.server.ground.ApiProblem;
import org.queuedesk.server.ground.WriteTransaction;
import org.queuedesk.server.site.SiteCatalog;
import org.queuedesk.server.site.SiteDao;

/**
 * Doctors' schedules: reading and replacing them, and the slots they offer with the places still free. Every
 * method takes the DAO it works through, so reads run on a pooled connection and writes in the writer's.
 */
final class Schedules {

    /** How far ahead dated exceptions are listed with a schedule. */
    private static final int EXCEPTIONS_AHEAD_DAYS = 366;
    private final AppointmentPorts.DoctorCheck doctors;

    Schedules(AppointmentPorts.DoctorCheck doctors) {
        this.doctors = doctors;
    }

    ScheduleDto read(AppointmentDao dao, long siteId, String doctor, LocalDate today) {
        var weekly = new ArrayList<ScheduleBlockDto>();
        var dated = new HashMap<LocalDate, List<ScheduleBlockDto>>();
        LocalDate until = today.plusDays(EXCEPTIONS_AHEAD_DAYS);
        for (var row : dao.blocks(siteId, doctor, today, until)) {
            if (row.onDate() == null) {
                weekly.add(dto(row.block()));
            } else {
                dated.computeIfAbsent(row.onDate(), d -> new ArrayList<>()).add(dto(row.block()));
            }
        }
        var exceptions = dao.exceptions(siteId, doctor, today, until).stream()
                .map(e -> new ScheduleExceptionDto(e.date(), e.note(), dated.getOrDefault(e.date(), List.of())))
                .toList();
        return new ScheduleDto(siteId, doctor, weekly, exceptions);
    }

    private static ScheduleBlockDto dto(WorkBlock b) {
        return new ScheduleBlockDto(b.id(), b.weekday(), b.start().toString(), b.end().toString(), b.serviceIds(),
                b.roomId(), b.slotMinutes(), b.capacity());
    }

    void replaceWeekly(WriteTransaction tx, long siteId, String doctor, ScheduleRequest request) {
        checkReferences(tx, siteId, doctor, request.blocks());
        var dao = tx.attach(AppointmentDao.class);
        dao.deleteWeeklyServices(siteId, doctor);
        dao.deleteWeekly(siteId, doctor);
        for (var block : request.blocks()) {
            insert(dao, siteId, doctor, block.weekday(), null, block);
        }
    }

    void putException(WriteTransaction tx, long siteId, String doctor, ScheduleExceptionRequest request) {
        List<ScheduleBlockRequest> blocks = request.blocks() == null ? List.of() : request.blocks();
        checkReferences(tx, siteId, doctor, blocks);
        var dao = tx.attach(AppointmentDao.class);
        removeException(dao, siteId, doctor, request.date());
        dao.insertException(siteId, doctor, request.date(), request.note() == null ? null : request.note().strip());
        for (var block : blocks) {
            insert(dao, siteId, doctor, null, request.date(), block);
        }
    }

    boolean deleteException(WriteTransaction tx, long siteId, String doctor, LocalDate date) {
        return removeException(tx.attach(AppointmentDao.class), siteId, doctor, date);
    }

    private static boolean removeException(AppointmentDao dao, long siteId, String doctor, LocalDate date) {
        dao.deleteDatedServices(siteId, doctor, date);
        dao.deleteDated(siteId, doctor, date);
        return dao.deleteException(siteId, doctor, date) > 0;
    }

    private static void insert(AppointmentDao dao, long siteId, String doctor, Integer weekday, LocalDate date,
                               ScheduleBlockRequest block) {
        long id = dao.insertBlock(siteId, doctor, weekday, date, block.start().strip(), block.end().strip(),
                block.slotMinutes(), block.capacity() == null ? 1 : block.capacity(), block.roomId());
        for (long serviceId : block.serviceIds().stream().distinct().toList()) {
            dao.insertBlockService(id, serviceId);
        }
    }

    /** The doctor, services and rooms named exist, at this site: 422 naming the field otherwise. */
    private void checkReferences(WriteTransaction tx, long siteId, String doctor, List<ScheduleBlockRequest> blocks) {
        SiteCatalog.site(tx, siteId).orElseThrow(() -> ApiProblem.notFound("There is no site " + siteId + "."));
        if (!doctors.isDoctor(tx, doctor)) {
            throw ApiProblem.unknownReference("doctor", "there is no doctor with the username '" + doctor
                    + "'; schedules are kept by the name a doctor signs in with.");
        }
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i);
            for (long serviceId : block.serviceIds()) {
                var service = SiteCatalog.service(tx, serviceId);
                if (service.isEmpty() || service.get().siteId() != siteId) {
                    throw ApiProblem.unknownReference("blocks[" + i + "].serviceIds",
                            "site " + siteId + " has no service " + serviceId + ".");
                }
            }
            if (block.roomId() != null && tx.attach(SiteDao.class).room(block.roomId())
                    .filter(room -> room.siteId() == siteId).isEmpty()) {
                throw ApiProblem.unknownReference("blocks[" + i + "].roomId",
                        "site " + siteId + " has no room " + block.roomId() + ".");
            }
        }
    }

    /** A doctor's planned slots from {@code from} to {@code to} (local dates, both included). */
    static List<PlannedSlot> planned(AppointmentDao dao, long siteId, String doctor, LocalDate from, LocalDate to,
                                     ZoneId zone) {
        var weekly = new ArrayList<WorkBlock>();
        Map<LocalDate, List<WorkBlock>> exceptions = new HashMap<>();
        for (var e : dao.exceptions(siteId, doctor, from, to)) {
            exceptions.put(e.date(), new ArrayList<>());
        }
        for (var row : dao.blocks(siteId, doctor, from, to)) {
            if (row.onDate() == null) {
                weekly.add(row.block());
            } else {
                exceptions.computeIfAbsent(row.onDate(), d -> new ArrayList<>()).add(row.block());
            }
        }
        return SlotPlan.slots(doctor, weekly, exceptions, from, to, zone);
    }

    /**
     * The free slots of the service from {@code from} to {@code to} that start after {@code now}: of one doctor,
     * or of every doctor with a block for the service; by start, then doctor; at most {@code limit}.
     */
    static List<SlotDto> free(AppointmentDao dao, long siteId, long serviceId, String doctor, LocalDate from,
                              LocalDate to, ZoneId zone, Instant now, int limit) {
        List<String> who = doctor != null ? List.of(doctor) : dao.doctorsOf(siteId, serviceId);
        var out = new ArrayList<SlotDto>();
        for (String d : who) {
            var slots = planned(dao, siteId, d, from, to, zone).stream()
                    .filter(s -> s.block().serves(serviceId) && s.start().isAfter(now)).toList();
            if (slots.isEmpty()) {
                continue;
            }
            var taken = new HashMap<Instant, Integer>();
            dao.taken(d, slots.get(0).start(), slots.get(slots.size() - 1).start().plusMillis(1))
                    .forEach(t -> taken.put(t.slotStart(), t.count()));
            for (var s : slots) {
                int free = s.block().capacity() - taken.getOrDefault(s.start(), 0);
                if (free > 0) {
                    out.add(slot(s, free));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(SlotDto::start).thenComparing(SlotDto::doctor));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    static SlotDto slot(PlannedSlot s, int free) {
        return new SlotDto(s.doctor(), s.block().roomId(), s.start(), s.end(), s.localStart().toLocalDate(),
                s.localStart().toLocalTime().toString(), s.block().serviceIds(), s.block().capacity(), free);
    }
}
