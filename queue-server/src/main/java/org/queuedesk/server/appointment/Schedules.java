package org.queuedesk.server.appointment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.queuedesk.common.appointment.ScheduleBlockDto;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleDto;
import org.queuedesk.common.appointment.ScheduleExceptionDto;
import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
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
}
