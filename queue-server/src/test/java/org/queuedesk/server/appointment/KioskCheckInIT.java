package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.Role;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.KioskCheckInDto;
import org.queuedesk.common.appointment.KioskCheckInRequest;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.auth.CreateUserRequest;
import org.queuedesk.common.site.SiteDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.auth.Auth;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * Check-in at the kiosk, through HTTP with the demo kiosk's real device token (site 1), as README's
 * "Appointments" says: by code (any case, spaces and dashes ignored) or phone, today's bookings at the kiosk's
 * own site only, nothing personal in the answers, 404 for a wrong code, 409 for a second check-in, 429 after
 * ten wrong codes in ten minutes.
 */
class KioskCheckInIT {

    private static final String PHONE = "+34 600 123 456";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-25T12:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.demoWithSignIn().withClock(clock);

    private Api admin;
    private Api kiosk;
    private ZoneId zone;
    private LocalDate today;

    @BeforeEach
    void clinic() {
        admin = server.api().signedInAs("admin", "admin");
        kiosk = server.api().withToken(Auth.DEMO_KIOSK_TOKEN);
        zone = ZoneId.of(admin.get("/api/sites/1").as(SiteDto.class).timeZone());
        // 08:00 at the demo site on Wednesday 25 March 2026, whatever its zone
        today = LocalDate.parse("2026-03-25");
        clock.set(today.atTime(8, 0).atZone(zone).toInstant());
        int user = admin.post("/api/users", new CreateUserRequest("dr.kiosk", "a-long-enough-password-1",
                List.of(Role.DOCTOR))).status();
        assertThat(user).isEqualTo(201);
        schedule(1, 1);
    }

    @Test
    void aCodeChecksInTodaysBookingAndTheAnswerShowsNoPersonalData() {
        var booked = book(1, at(9, 0), null);

        var response = checkIn(new KioskCheckInRequest(booked.code(), null), "k-1");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var answer = response.as(KioskCheckInDto.class);
        assertThat(answer.ticket().number()).matches("[A-Z]+-\\d{3}");
        assertThat(answer.ticket().serviceId()).isEqualTo(1);
        assertThat(answer.ticket().source()).isEqualTo(TicketSource.APPOINTMENT);
        assertThat(answer.localTime()).isEqualTo("09:00");
        assertThat(answer.late()).isFalse();
        // README "Privacy": names, phones, the code and the doctor never go to a kiosk
        assertThat(response.body()).doesNotContain("Zoe Kiosk", "600123456", booked.code(), "dr.kiosk");
        var after = admin.get("/api/appointments/" + booked.id()).as(AppointmentDto.class);
        assertThat(after.state()).isEqualTo(AppointmentState.CHECKED_IN);
        assertThat(after.ticketId()).isEqualTo(answer.ticket().id());
    }

    @Test
    void aCodeInLowerCaseWithSpacesAndDashesIsTheSameCode() {
        var booked = book(1, at(9, 15), null);
        String typed = " " + booked.code().substring(0, 3).toLowerCase() + " - " + booked.code().substring(3).toLowerCase();

        var response = checkIn(new KioskCheckInRequest(typed, null), "k-2");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(admin.get("/api/appointments/" + booked.id()).as(AppointmentDto.class).state())
                .isEqualTo(AppointmentState.CHECKED_IN);
    }

    @Test
    void aPhoneChecksInTheNextOfTodaysBookingsByTime() {
        var later = book(1, at(10, 0), PHONE);
        var sooner = book(1, at(9, 30), PHONE);

        var first = checkIn(new KioskCheckInRequest(null, "+34600123456"), "k-3");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.as(KioskCheckInDto.class).localTime()).isEqualTo("09:30");
        assertThat(admin.get("/api/appointments/" + sooner.id()).as(AppointmentDto.class).state())
                .isEqualTo(AppointmentState.CHECKED_IN);
        assertThat(admin.get("/api/appointments/" + later.id()).as(AppointmentDto.class).state())
                .isEqualTo(AppointmentState.BOOKED);

        var second = checkIn(new KioskCheckInRequest(null, PHONE), "k-4");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.as(KioskCheckInDto.class).localTime()).isEqualTo("10:00");
        assertThat(second.body()).doesNotContain("600123456");
    }

    @Test
    void aWrongCodeIsA404ProblemThatSaysNothingAboutAnyBooking() {
        book(1, at(9, 0), null);

        var response = checkIn(new KioskCheckInRequest("7KX4PA", null), "k-5");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asText()).contains("No booking today");
        assertThat(checkIn(new KioskCheckInRequest(null, "+34 699 999 999"), "k-6").status()).isEqualTo(404);
    }

    @Test
    void anotherSitesCodeIsNotFoundAtThisKiosk() {
        long otherSite = admin.createSite("Other", zone.getId()).id();
        long otherService = admin.createService(otherSite, "Dermatology", "D").id();
        schedule(otherSite, otherService);
        var there = admin.post("/api/appointments", new BookAppointmentRequest(otherService, "dr.kiosk",
                at(9, 0), "Zoe Kiosk", null, "es"));
        assertThat(there.status()).as(there.body()).isEqualTo(201);

        var response = checkIn(new KioskCheckInRequest(there.as(AppointmentDto.class).code(), null), "k-7");

        assertThat(response.status()).isEqualTo(404);
        // nor may this kiosk ask at the other site's address
        var elsewhere = kiosk.post("/api/sites/" + otherSite + "/kiosk/check-in",
                new KioskCheckInRequest(there.as(AppointmentDto.class).code(), null), "k-8");
        assertThat(elsewhere.status()).isEqualTo(403);
    }

    @Test
    void aBookingOfAnotherDayIsNotFoundToday() {
        var tomorrow = book(1, today.plusDays(1).atTime(9, 0).atZone(zone).toInstant(), null);

        assertThat(checkIn(new KioskCheckInRequest(tomorrow.code(), null), "k-9").status()).isEqualTo(404);
    }

    @Test
    void aSecondCheckInIsA409ButARetryWithTheSameKeyGetsTheSameTicket() {
        var booked = book(1, at(9, 0), null);
        var first = checkIn(new KioskCheckInRequest(booked.code(), null), "k-10");
        assertThat(first.status()).isEqualTo(200);

        var retry = checkIn(new KioskCheckInRequest(booked.code(), null), "k-10");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());

        var again = checkIn(new KioskCheckInRequest(booked.code().toLowerCase(), null), "k-11");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("currentState").asText()).isEqualTo("checked_in");
        assertThat(again.json().path("detail").asText()).contains("already checked in");
    }

    @Test
    void tenWrongCodesInTenMinutesStopTheKiosksCheckInsForAWhile() {
        var booked = book(1, at(9, 0), null);
        for (int i = 0; i < 10; i++) {
            assertThat(checkIn(new KioskCheckInRequest("7KX4P" + "ACEFGHJKMN".charAt(i), null), "w-" + i).status())
                    .isEqualTo(404);
        }

        var refused = checkIn(new KioskCheckInRequest(booked.code(), null), "w-right");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(checkIn(new KioskCheckInRequest(booked.code(), null), "w-right-later").status()).isEqualTo(200);
    }

    private Api.Response checkIn(KioskCheckInRequest request, String key) {
        return kiosk.post("/api/sites/1/kiosk/check-in", request, key);
    }

    private Instant at(int hour, int minute) {
        return today.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
    }

    /** dr.kiosk at the site, Monday to Friday 09:00-12:00 in 15-minute slots, for the service. */
    private void schedule(long site, long service) {
        var blocks = List.of(1, 2, 3, 4, 5).stream().map(d -> new ScheduleBlockRequest(d, "09:00", "12:00",
                List.of(service), null, 15, 1)).toList();
        var put = admin.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/sites/" + site
                        + "/schedules/dr.kiosk")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(new ScheduleRequest(blocks)))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private AppointmentDto book(long service, Instant slot, String phone) {
        var response = admin.post("/api/appointments", new BookAppointmentRequest(service, "dr.kiosk", slot,
                "Zoe Kiosk", phone, "es"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.as(AppointmentDto.class);
    }

    private static String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
