package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.appointment.SlotDayDto;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.appointment.SlotPageDto;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * The free-slot search in the shapes its users need (README, "Appointments"): a calendar of free places and free
 * times per day, and the first N free slots from a day with a continuation. Expected figures are counted by hand
 * from the schedules below: dr.a works Monday to Friday 09:00-12:00 (12 slots of 15 minutes, one place each), dr.b
 * Thursdays 09:00-10:00 (4 slots, two places each); Europe/Madrid; now is Wednesday 25 March 2026, 09:00 local.
 */
class SlotSearchIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-25T08:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.openAccess().withClock(clock);
    private AppointmentClinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new AppointmentClinic(server.api(), "Centro");
        clinic.doctor("dr.a");
        clinic.doctor("dr.b");
        clinic.schedule("dr.a", "09:00", "12:00", 15, 1, 1, 2, 3, 4, 5);
        clinic.schedule("dr.b", "09:00", "10:00", 15, 2, 4);
    }

    @Test
    void theCalendarCountsFreePlacesAndFreeTimesPerDayStillToCome() {
        clinic.book("dr.a", Instant.parse("2026-03-26T08:00:00Z"), "Ana"); // Thursday 09:00, dr.a's only place
        clinic.book("dr.b", Instant.parse("2026-03-26T08:15:00Z"), "Bea"); // Thursday 09:15, one of dr.b's two

        var days = calendar("2026-03-25", "2026-03-30");

        assertThat(days).containsExactly(
                // Wednesday: only 09:15-11:45 are still to come
                new SlotDayDto(LocalDate.parse("2026-03-25"), 11, 11),
                // Thursday: dr.a 11 of 12, dr.b 8 places less one; every time still has a place (09:00: dr.b's)
                new SlotDayDto(LocalDate.parse("2026-03-26"), 11 + 7, 12),
                new SlotDayDto(LocalDate.parse("2026-03-27"), 12, 12),
                new SlotDayDto(LocalDate.parse("2026-03-28"), 0, 0),
                new SlotDayDto(LocalDate.parse("2026-03-29"), 0, 0),
                new SlotDayDto(LocalDate.parse("2026-03-30"), 12, 12));
    }

    @Test
    void theSearchGivesTheFirstSlotsByStartThenDoctorAndContinuesWhereItStopped() {
        var first = page("2026-03-26", "2026-03-30", 5, null);

        assertThat(first.slots()).extracting(s -> s.localTime() + " " + s.doctor())
                .containsExactly("09:00 dr.a", "09:00 dr.b", "09:15 dr.a", "09:15 dr.b", "09:30 dr.a");
        assertThat(first.next()).isNotNull();
        var second = page("2026-03-26", "2026-03-30", 5, first.next());
        assertThat(second.slots()).extracting(s -> s.localTime() + " " + s.doctor())
                .containsExactly("09:30 dr.b", "09:45 dr.a", "09:45 dr.b", "10:00 dr.a", "10:15 dr.a");

        // page by page to the end: every slot once, 16 on Thursday, 12 on Friday, 12 on Monday
        var all = new ArrayList<SlotDto>(first.slots());
        String next = first.next();
        while (next != null) {
            var more = page("2026-03-26", "2026-03-30", 5, next);
            all.addAll(more.slots());
            next = more.next();
        }
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
        assertThat(all).extracting(SlotDto::start).isSorted();
        assertThat(all.get(39).localDate()).isEqualTo(LocalDate.parse("2026-03-30"));
        assertThat(all.get(39).localTime()).isEqualTo("11:45");
    }

    @Test
    void aSearchLeavesOutFullSlotsAndSlotsAlreadyStarted() {
        clinic.book("dr.a", Instant.parse("2026-03-25T08:15:00Z"), "Ana"); // today 09:15

        var today = page("2026-03-25", "2026-03-25", 3, null);

        assertThat(today.slots()).extracting(SlotDto::localTime).containsExactly("09:30", "09:45", "10:00");
    }

    @Test
    void aWrongLimitOrContinuationIsA400NamingIt() {
        var tooMany = clinic.api.get(path("2026-03-26", "2026-03-26") + "&limit=201");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").has("limit")).isTrue();
        var garbled = clinic.api.get(path("2026-03-26", "2026-03-26") + "&after=yesterday");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().path("errors").has("after")).isTrue();
    }

    private String path(String from, String to) {
        return "/api/sites/" + clinic.site + "/slots?serviceId=" + clinic.service + "&from=" + from + "&to=" + to;
    }

    private SlotPageDto page(String from, String to, int limit, String after) {
        var response = clinic.api.get(path(from, to) + "&limit=" + limit
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.as(SlotPageDto.class);
    }

    private List<SlotDayDto> calendar(String from, String to) {
        var response = clinic.api.get("/api/sites/" + clinic.site + "/slot-days?serviceId=" + clinic.service
                + "&from=" + from + "&to=" + to);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return List.of(response.as(SlotDayDto[].class));
    }
}
