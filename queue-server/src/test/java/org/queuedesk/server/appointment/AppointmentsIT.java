package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentState;
import org.queuedesk.common.appointment.CheckInDto;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleDto;
import org.queuedesk.common.appointment.ScheduleExceptionRequest;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.common.appointment.SlotPageDto;
import org.queuedesk.common.ticket.TicketSource;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.RunningServer;

/**
 * Schedules, free slots, booking, moving, cancelling, check-in and missed bookings through HTTP, as README's
 * "Appointments" section says. The site is in Europe/Madrid: on Thursday 26 March 2026 09:00 local is 08:00Z
 * (CET, +01:00); from Sunday 29 March it is 07:00Z (CEST, +02:00).
 */
class AppointmentsIT {

    /** Wednesday 25 March 2026, 09:00 in Madrid. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-25T08:00:00Z"));
    @RegisterExtension
    final RunningServer server = RunningServer.openAccess().withClock(clock);
    private AppointmentClinic clinic;

    private static final Instant THU_0900 = Instant.parse("2026-03-26T08:00:00Z");
    private static final Instant THU_0915 = Instant.parse("2026-03-26T08:15:00Z");
    private static final Instant THU_1000 = Instant.parse("2026-03-26T09:00:00Z");

    @BeforeEach
    void clinic() {
        clinic = new AppointmentClinic(server.api(), "Centro");
        clinic.doctor("dr.a");
        clinic.doctor("dr.b");
        // dr.a: Monday to Friday 09:00-12:00, 15-minute slots, one patient each
        clinic.schedule("dr.a", "09:00", "12:00", 15, 1, 1, 2, 3, 4, 5);
    }

    private Api api() {
        return server.api();
    }

    @Test
    void aScheduleIsReadAsItWasWrittenAndItsExceptionsComeAndGo() {
        var read = api().get("/api/sites/" + clinic.site + "/schedules/dr.a").as(ScheduleDto.class);
        assertThat(read.weekly()).hasSize(5);
        assertThat(read.weekly().get(0).start()).isEqualTo("09:00");
        assertThat(read.weekly().get(0).serviceIds()).containsExactly(clinic.service);
        assertThat(read.weekly().get(0).capacity()).isEqualTo(1);

        var off = api().post("/api/sites/" + clinic.site + "/schedules/dr.a/exceptions",
                new ScheduleExceptionRequest(java.time.LocalDate.parse("2026-03-26"), null, "Congress"));
        assertThat(off.status()).as(off.body()).isEqualTo(201);
        assertThat(off.as(ScheduleDto.class).exceptions()).singleElement()
                .satisfies(e -> assertThat(e.blocks()).isEmpty());
        assertThat(slots("dr.a", "2026-03-26", "2026-03-26")).isEmpty();

        assertThat(clinic.delete("/api/sites/" + clinic.site + "/schedules/dr.a/exceptions/2026-03-26").status())
                .isEqualTo(204);
        assertThat(slots("dr.a", "2026-03-26", "2026-03-26")).hasSize(12);
        assertThat(clinic.delete("/api/sites/" + clinic.site + "/schedules/dr.a/exceptions/2026-03-26").status())
                .isEqualTo(404);
    }

    @Test
    void aScheduleNamesOnlyDoctorsAndTheSitesOwnServicesAndRooms() {
        var other = new AppointmentClinic(api(), "Other");
        var foreignService = clinic.put("/api/sites/" + clinic.site + "/schedules/dr.a", new org.queuedesk.common
                .appointment.ScheduleRequest(List.of(new ScheduleBlockRequest(1, "09:00", "10:00",
                List.of(other.service), null, 15, 1))));
        assertThat(foreignService.status()).isEqualTo(422);
        assertThat(foreignService.json().path("errors").has("blocks[0].serviceIds")).isTrue();

        var foreignRoom = clinic.put("/api/sites/" + clinic.site + "/schedules/dr.a", new org.queuedesk.common
                .appointment.ScheduleRequest(List.of(new ScheduleBlockRequest(1, "09:00", "10:00",
                List.of(clinic.service), other.room, 15, 1))));
        assertThat(foreignRoom.status()).isEqualTo(422);
        assertThat(foreignRoom.json().path("errors").has("blocks[0].roomId")).isTrue();

        var nobody = clinic.put("/api/sites/" + clinic.site + "/schedules/dr.nobody",
                new org.queuedesk.common.appointment.ScheduleRequest(List.of()));
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.json().path("errors").has("doctor")).isTrue();
    }

    @Test
    void freeSlotsAreAtTheSameLocalTimeOnBothSidesOfTheSpringChange() {
        var thursday = slots("dr.a", "2026-03-26", "2026-03-26");
        var monday = slots("dr.a", "2026-03-30", "2026-03-30");

        assertThat(thursday).hasSize(12);
        assertThat(thursday.get(0).localTime()).isEqualTo("09:00");
        assertThat(thursday.get(0).start()).isEqualTo(THU_0900);
        assertThat(monday.get(0).localTime()).isEqualTo("09:00");
        assertThat(monday.get(0).start()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        // the weekend has no blocks
        assertThat(slots("dr.a", "2026-03-28", "2026-03-29")).isEmpty();
    }

    @Test
    void aBookingGetsASixCharacterCodeWithoutLookAlikesAndTakesItsSlot() {
        var booked = clinic.book("dr.a", THU_0900, "Ana García");

        assertThat(booked.state()).isEqualTo(AppointmentState.BOOKED);
        assertThat(booked.localDate()).hasToString("2026-03-26");
        assertThat(booked.localTime()).isEqualTo("09:00");
        assertThat(booked.roomId()).isEqualTo(clinic.room);
        assertThat(booked.code()).hasSize(6).doesNotContainPattern("[0O1IL]");
        assertThat(slots("dr.a", "2026-03-26", "2026-03-26")).extracting(SlotDto::start).doesNotContain(THU_0900);
        // found by its code, typed in lower case with a space
        var byCode = api().get("/api/sites/" + clinic.site + "/appointments?code="
                + booked.code().substring(0, 3).toLowerCase() + "%20" + booked.code().substring(3)).json();
        assertThat(byCode).hasSize(1);
        assertThat(byCode.get(0).path("id").asLong()).isEqualTo(booked.id());
    }

    @Test
    void anyDoctorOfTheServiceTakesTheOneWithAFreePlace() {
        clinic.schedule("dr.b", "09:00", "10:00", 15, 1, 4);
        var first = clinic.book(null, THU_0900, "Ana");
        var second = clinic.book(null, THU_0900, "Bea");

        assertThat(List.of(first.doctor(), second.doctor())).containsExactlyInAnyOrder("dr.a", "dr.b");
        var third = clinic.tryBook(null, THU_0900, "Carmen");
        assertThat(third.status()).isEqualTo(409);
    }

    @Test
    void aBookingInThePastOutsideHoursOnADayOffOrWithADoctorOfAnotherServiceIsRefusedNamingTheField() {
        assertRefused(clinic.tryBook("dr.a", Instant.parse("2026-03-24T08:00:00Z"), "Past"), "slotStart", "in the past");
        assertRefused(clinic.tryBook("dr.a", Instant.parse("2026-03-26T07:00:00Z"), "Early"), "slotStart", "no slot");
        assertRefused(clinic.tryBook("dr.a", Instant.parse("2026-03-26T08:07:00Z"), "Odd"), "slotStart", "no slot");
        api().post("/api/sites/" + clinic.site + "/schedules/dr.a/exceptions",
                new ScheduleExceptionRequest(java.time.LocalDate.parse("2026-03-26"), List.of(), null));
        assertRefused(clinic.tryBook("dr.a", THU_0900, "Off"), "slotStart", "day off");
        assertRefused(clinic.tryBook("dr.b", THU_0900, "Other"), "doctor", "does not see patients");
    }

    private static void assertRefused(Api.Response response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").path(field).asText()).contains(message);
    }

    @Test
    void theLastPlaceGoesToExactlyOneOfFiftyConcurrentRequestsAndTheOthersAreOfferedTheNextFreeSlots() {
        var requests = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 50; i++) {
            String body = "{\"serviceId\":" + clinic.service + ",\"doctor\":\"dr.a\",\"slotStart\":\"2026-03-26T09:00:00+01:00\","
                    + "\"patientName\":\"Patient " + i + "\"}";
            requests.add(api().http().sendAsync(HttpRequest.newBuilder(URI.create(api().baseUrl() + "/api/appointments"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        var responses = requests.stream().map(CompletableFuture::join).toList();

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        var refused = responses.stream().filter(r -> r.statusCode() != 201).toList();
        assertThat(refused).hasSize(49).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode next = Api.JSON.readTree(r.body()).path("nextFreeSlots");
            assertThat(next.size()).isBetween(1, 5);
            assertThat(next.get(0).path("start").asText()).isEqualTo(THU_0915.toString());
        });
        assertThat(api().get("/api/sites/" + clinic.site + "/appointments?date=2026-03-26").json()).hasSize(1);
    }

    @Test
    void aMoveFreesTheOldSlotAndACancelledBookingCannotBeCancelledAgain() {
        var booked = clinic.book("dr.a", THU_0900, "Ana");
        var moved = api().post("/api/appointments/" + booked.id() + "/move", new MoveAppointmentRequest(THU_1000, null));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.as(AppointmentDto.class).localTime()).isEqualTo("10:00");
        assertThat(moved.as(AppointmentDto.class).code()).isEqualTo(booked.code());
        assertThat(slots("dr.a", "2026-03-26", "2026-03-26")).extracting(SlotDto::start).contains(THU_0900)
                .doesNotContain(THU_1000);

        var other = clinic.book("dr.a", THU_0900, "Bea");
        var clash = api().post("/api/appointments/" + other.id() + "/move", new MoveAppointmentRequest(THU_1000, null));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().path("nextFreeSlots").isArray()).isTrue();

        var cancelled = api().post("/api/appointments/" + booked.id() + "/cancel", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.as(AppointmentDto.class).state()).isEqualTo(AppointmentState.CANCELLED);
        assertThat(slots("dr.a", "2026-03-26", "2026-03-26")).extracting(SlotDto::start).contains(THU_1000);
        var again = api().post("/api/appointments/" + booked.id() + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("currentState").asText()).isEqualTo("cancelled");
    }

    @Test
    void aCheckInOnTimeQueuesTheTicketAtTheSlotAndALateOneByArrival() {
        var early = clinic.book("dr.a", THU_0900, "Ana");
        var late = clinic.book("dr.a", THU_0915, "Bea");
        clock.set(Instant.parse("2026-03-26T07:50:00Z")); // 08:50 local, ten minutes early

        var onTime = api().post("/api/appointments/" + early.id() + "/check-in", null);
        assertThat(onTime.status()).as(onTime.body()).isEqualTo(200);
        var done = onTime.as(CheckInDto.class);
        assertThat(done.late()).isFalse();
        assertThat(done.appointment().state()).isEqualTo(AppointmentState.CHECKED_IN);
        assertThat(done.appointment().ticketId()).isEqualTo(done.ticket().id());
        assertThat(done.ticket().source()).isEqualTo(TicketSource.APPOINTMENT);
        assertThat(done.ticket().assignedDoctor()).isEqualTo("dr.a");
        assertThat(done.ticket().serviceId()).isEqualTo(clinic.service);
        assertThat(done.ticket().queuedAt()).isEqualTo(THU_0900);
        assertThat(done.ticket().patientName()).isEqualTo("Ana");

        clock.set(Instant.parse("2026-03-26T08:31:00Z")); // 09:31 local: 16 minutes after 09:15, grace is 15
        var lateCheckIn = api().post("/api/appointments/" + late.id() + "/check-in", null).as(CheckInDto.class);
        assertThat(lateCheckIn.late()).isTrue();
        assertThat(lateCheckIn.ticket().queuedAt()).isEqualTo(Instant.parse("2026-03-26T08:31:00Z"));

        var twice = api().post("/api/appointments/" + early.id() + "/check-in", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("currentState").asText()).isEqualTo("checked_in");
    }

    @Test
    void aSitesOwnGracePeriodDecidesWhenACheckInIsLate() {
        assertThat(api().get("/api/sites/" + clinic.site + "/appointment-settings").json().path("graceMinutes").asInt())
                .isEqualTo(15);
        var set = clinic.put("/api/sites/" + clinic.site + "/appointment-settings",
                new org.queuedesk.common.appointment.AppointmentSettingsDto(5));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var booked = clinic.book("dr.a", THU_0900, "Ana");
        clock.set(Instant.parse("2026-03-26T08:06:00Z")); // 09:06 local: six minutes late, grace five

        var checkIn = api().post("/api/appointments/" + booked.id() + "/check-in", null).as(CheckInDto.class);

        assertThat(checkIn.late()).isTrue();
        assertThat(checkIn.ticket().queuedAt()).isEqualTo(Instant.parse("2026-03-26T08:06:00Z"));
    }

    @Test
    void aBookingOfAnotherDayCannotBeCheckedInToday() {
        var booked = clinic.book("dr.a", THU_0900, "Ana");
        var response = api().post("/api/appointments/" + booked.id() + "/check-in", null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("detail").asText()).contains("2026-03-26");
    }

    @Test
    void aBookingNobodyCheckedInIsMissedOnceItsSlotEndedMoreThanTheGracePeriodAgo() {
        var booked = clinic.book("dr.a", THU_0900, "Ana"); // 09:00-09:15 local, grace 15 minutes: missed after 09:30
        var service = server.server().appointments();

        clock.set(Instant.parse("2026-03-26T08:30:00Z"));
        assertThat(service.markMissed("system")).isZero();
        assertThat(api().get("/api/appointments/" + booked.id()).as(AppointmentDto.class).state())
                .isEqualTo(AppointmentState.BOOKED);

        clock.set(Instant.parse("2026-03-26T08:30:01Z"));
        assertThat(service.markMissed("system")).isEqualTo(1);
        assertThat(api().get("/api/appointments/" + booked.id()).as(AppointmentDto.class).state())
                .isEqualTo(AppointmentState.MISSED);
        assertThat(service.markMissed("system")).isZero();
        // kept, and still taking its place: a missed slot is not offered again
        assertThat(api().get("/api/sites/" + clinic.site + "/appointments?date=2026-03-26").json()).hasSize(1);
    }

    @Test
    void theEventLogKeepsBookingsWithoutTheirPatient() {
        var booked = clinic.book("dr.a", THU_0900, "Ana García");
        api().post("/api/appointments/" + booked.id() + "/cancel", null);

        List<String> payloads = server.server().database().read(h -> h.createQuery(
                "SELECT payload FROM events WHERE site_id = :site AND type LIKE 'appointment.%' ORDER BY seq")
                .bind("site", clinic.site).mapTo(String.class).list());
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0)).contains("\"type\":\"appointment.booked\"").contains(booked.code())
                .doesNotContain("Ana");
        assertThat(payloads.get(1)).contains("\"type\":\"appointment.cancelled\"");
    }

    /** README, site settings: a time zone changed while nothing is open moves the schedule's local hours with it. */
    @Test
    void freeSlotsFollowTheSitesTimeZoneOnceAnAdminChangesIt() {
        // Madrid in March (before the 29th) is UTC+1: dr.a's 09:00 is 08:00Z
        assertThat(slots("dr.a", "2026-03-26", "2026-03-26")).first()
                .satisfies(s -> assertThat(s.start()).isEqualTo(THU_0900));
        var moved = clinic.put("/api/sites/" + clinic.site + "/settings",
                new org.queuedesk.common.site.SiteSettingsRequest("Atlantic/Reykjavik", null, null));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        // Reykjavik is UTC all year: the same 09:00 is now 09:00Z, and a booking plans it there too
        assertThat(slots("dr.a", "2026-03-26", "2026-03-26")).first()
                .satisfies(s -> assertThat(s.start()).isEqualTo(THU_1000));
        assertThat(clinic.book("dr.a", THU_1000, "Ana").localTime()).isEqualTo("09:00");
    }

    /**
     * A booking checked in twice at once (two receptionists, or a kiosk and a desk), or checked in and cancelled at
     * once: one of the two happens and the other is refused 409 problem+json by the state the first left, never a 500
     * and never a second ticket (on PostgreSQL the second once found its 'booked' row gone after issuing a ticket).
     */
    @Test
    void aBookingCheckedInTwiceOrCheckedInAndCancelledAtOnceChangesOnce() throws Exception {
        List<AppointmentDto> booked = new ArrayList<>();
        for (int slot = 0; slot < 12; slot++) {
            booked.add(clinic.book("dr.a", THU_0900.plusSeconds(15 * 60L * slot), "Patient " + slot));
        }
        clock.set(Instant.parse("2026-03-26T07:50:00Z")); // 08:50 local on the day
        var pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        try {
            var go = new java.util.concurrent.CountDownLatch(1);
            List<List<java.util.concurrent.Future<Api.Response>>> sent = new ArrayList<>();
            for (int i = 0; i < booked.size(); i++) {
                long id = booked.get(i).id();
                String second = i % 2 == 0 ? "/check-in" : "/cancel";
                sent.add(List.of(
                        pool.submit(() -> {
                            go.await();
                            return api().post("/api/appointments/" + id + "/check-in", null);
                        }),
                        pool.submit(() -> {
                            go.await();
                            return api().post("/api/appointments/" + id + second, null);
                        })));
            }
            go.countDown();
            int checkedIn = 0;
            for (int i = 0; i < booked.size(); i++) {
                var first = sent.get(i).get(0).get(1, java.util.concurrent.TimeUnit.MINUTES);
                var second = sent.get(i).get(1).get(1, java.util.concurrent.TimeUnit.MINUTES);
                String what = "booking " + i + " answered " + first.status() + " / " + second.status();
                assertThat(List.of(first.status(), second.status())).as(what).containsExactlyInAnyOrder(200, 409);
                var refused = first.status() == 409 ? first : second;
                assertThat(refused.contentType()).as(what).startsWith("application/problem+json");
                var stored = api().get("/api/appointments/" + booked.get(i).id()).as(AppointmentDto.class);
                boolean checkInWon = first.status() == 200 || i % 2 == 0;
                assertThat(stored.state()).as(what)
                        .isEqualTo(checkInWon ? AppointmentState.CHECKED_IN : AppointmentState.CANCELLED);
                assertThat(refused.json().path("currentState").asText()).as(what).isEqualTo(stored.state().wireName());
                checkedIn += checkInWon ? 1 : 0;
            }
            var tickets = api().get("/api/services/" + clinic.service + "/tickets?date=2026-03-26").json();
            assertThat(tickets).as("one ticket per booking checked in").hasSize(checkedIn);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<SlotDto> slots(String doctor, String from, String to) {
        var response = api().get("/api/sites/" + clinic.site + "/slots?serviceId=" + clinic.service + "&doctor=" + doctor
                + "&from=" + from + "&to=" + to + "&limit=200");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var page = response.as(SlotPageDto.class);
        assertThat(page.next()).as("a test's range has fewer than 200 slots").isNull();
        return page.slots();
    }
}
