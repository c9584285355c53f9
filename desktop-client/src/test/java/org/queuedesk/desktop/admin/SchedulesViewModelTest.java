package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.site.ServiceDto;

/** README "Appointments" (schedules) and queue-server's validation/schedule.psv for the messages. */
class SchedulesViewModelTest {

    private static final AdminServer SERVER = new AdminServer();
    private SchedulesViewModel schedules;

    @BeforeEach
    void open() {
        schedules = new SchedulesViewModel(SERVER.admin, SERVER.background, SERVER::siteId, SERVER.messages);
        schedules.load();
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void theDoctorsAreTheUsersWithTheDoctorRole() {
        // demo users: admin (admin, receptionist, doctor), reception, doctor, nurse (doctor)
        assertThat(schedules.doctors()).containsExactly("admin", "doctor", "nurse");
        assertThat(schedules.doctorProperty().get()).isEqualTo("admin");
    }

    @Test
    void savesAWeeklyBlockThatTheServerThenHas() throws Exception {
        schedules.doctorProperty().set("doctor");
        block(1, "09:00", "13:00", "A", "15");
        schedules.saveWeekly();

        var stored = SERVER.admin.schedule(SERVER.siteId(), "doctor").weekly();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).weekday()).isEqualTo(1);
        assertThat(stored.get(0).start()).isEqualTo("09:00");
        assertThat(stored.get(0).slotMinutes()).isEqualTo(15);
        assertThat(stored.get(0).capacity()).as("README: capacity default 1").isEqualTo(1);
        assertThat(schedules.weeklyForm().doneProperty().get()).isEqualTo("Weekly schedule of doctor saved.");
        assertThat(schedules.blockText(schedules.blocks().get(0)))
                .isEqualTo("Monday 09:00\u201313:00 \u00b7 General practice \u00b7 No fixed room \u00b7 15 min \u00d7 1");
    }

    @Test
    void aRefusedBlockIsChosenAndTheMessageGoesUnderItsField() throws Exception {
        schedules.doctorProperty().set("nurse");
        block(1, "09:00", "12:00", "A", "20");
        block(1, "11:00", "14:00", "A", "20");
        schedules.selectedBlockProperty().set(-1);
        schedules.saveWeekly();
        assertThat(schedules.weeklyForm().error("start").get()).startsWith("overlaps the block from 09:00 to 12:00");
        assertThat(schedules.selectedBlockProperty().get()).as("the second block is the one named").isEqualTo(1);
        assertThat(SERVER.admin.schedule(SERVER.siteId(), "nurse").weekly()).as("nothing saved").isEmpty();

        schedules.removeBlock();
        block(2, "13:00", "09:00", "A", "20");
        schedules.saveWeekly();
        assertThat(schedules.weeklyForm().error("start").get()).isEmpty();
        assertThat(schedules.weeklyForm().error("end").get()).startsWith("must be later than start");
    }

    @Test
    void aDayOffIsAddedAndRemoved() throws Exception {
        schedules.doctorProperty().set("admin");
        LocalDate tomorrow = LocalDate.now(ZoneId.of(SERVER.admin.sites().get(0).timeZone())).plusDays(1);
        schedules.dayOff.set(tomorrow);
        schedules.note.set("Congress");
        schedules.addDayOff();

        var stored = SERVER.admin.schedule(SERVER.siteId(), "admin").exceptions();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).date()).isEqualTo(tomorrow);
        assertThat(stored.get(0).blocks()).as("a day off has no blocks").isEmpty();
        assertThat(schedules.exceptionText(schedules.exceptions().get(0))).isEqualTo(tomorrow + " \u00b7 Day off \u00b7 Congress");

        schedules.selectedExceptionProperty().set(schedules.exceptions().get(0));
        schedules.removeException();
        assertThat(SERVER.admin.schedule(SERVER.siteId(), "admin").exceptions()).isEmpty();
        assertThat(schedules.exceptions()).isEmpty();
    }

    @Test
    void aDayOffWithoutADateIsRefusedUnderTheDate() {
        schedules.doctorProperty().set("admin");
        schedules.addDayOff();
        assertThat(schedules.exceptionForm().error("date").get()).isNotEmpty();
    }

    private void block(int weekday, String start, String end, String prefix, String minutes) {
        schedules.weekday.set(weekday);
        schedules.start.set(start);
        schedules.end.set(end);
        ServiceDto service = schedules.services().stream().filter(s -> s.prefix().equals(prefix)).findFirst().orElseThrow();
        schedules.service.set(service);
        schedules.slotMinutes.set(minutes);
        schedules.addBlock();
    }
}
