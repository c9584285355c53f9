package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.CheckInDto;
import org.queuedesk.server.privacy.PersonalDataPurge;
import org.queuedesk.server.privacy.RetentionSettings;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * README's retention rule covers bookings: once a booking's slot started longer ago than the retention, its
 * patient's name and phone go (a checked-in one's with its ticket); a booking still ahead keeps them.
 */
class AppointmentPurgeIT {

    private static final int RETENTION_DAYS = 30;
    /** Day 0: Thursday 1 October 2026, 10:00 in Madrid (CEST, +02:00). */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T08:00:00Z"));
    private final TestServer server = TestServer.startWith(clock, config -> config.withDemo(true)
            .withRetention(new RetentionSettings(RETENTION_DAYS)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void namesAndPhonesOfBookingsPastTheRetentionGoAndThoseOfBookingsAheadStay() {
        Api admin = server.api().signedInAs("admin", "admin");
        var clinic = new AppointmentClinic(admin, "Purge clinic");
        clinic.doctor("dr.p");
        clinic.schedule("dr.p", "09:00", "12:00", 15, 1, 1, 2, 3, 4, 5, 6, 7);
        var checkedIn = book(admin, clinic, "2026-10-02T09:00:00+02:00", "Ana Checked");
        var neverCame = book(admin, clinic, "2026-10-02T09:15:00+02:00", "Bea Missed");
        var ahead = book(admin, clinic, "2026-11-10T09:00:00+01:00", "Carmen Ahead");

        clock.set(Instant.parse("2026-10-02T06:50:00Z")); // day 1, 08:50 local
        admin = server.api().signedInAs("admin", "admin"); // access tokens last ten minutes
        var ticket = admin.post("/api/appointments/" + checkedIn.id() + "/check-in", null).as(CheckInDto.class).ticket();
        assertThat(ticket.patientName()).isEqualTo("Ana Checked");

        clock.set(Instant.parse("2026-11-05T09:00:00Z")); // day 35: the retention ended on day 31 for day 1's slots
        var report = server.server().purge().run(PersonalDataPurge.SYSTEM);
        admin = server.api().signedInAs("admin", "admin");

        assertThat(report.appointments()).isEqualTo(2);
        assertThat(read(admin, checkedIn)).satisfies(a -> {
            assertThat(a.patientName()).isNull();
            assertThat(a.phone()).isNull();
        });
        assertThat(read(admin, neverCame)).satisfies(a -> {
            assertThat(a.patientName()).isNull();
            assertThat(a.phone()).isNull();
            assertThat(a.code()).isEqualTo(neverCame.code()); // kept for reports, as a ticket's number is
        });
        assertThat(read(admin, ahead).patientName()).isEqualTo("Carmen Ahead");
        assertThat(read(admin, ahead).phone()).isNotNull();
        assertThat(admin.get("/api/tickets/" + ticket.id()).json().path("patientName").isNull()).isTrue();
        // their text messages (the booking confirmations) forget number and text too; the one ahead keeps them
        assertThat(messagesWithPhoneOrText(checkedIn)).isZero();
        assertThat(messagesWithPhoneOrText(neverCame)).isZero();
        assertThat(messagesWithPhoneOrText(ahead)).isEqualTo(1);

        // running it again changes nothing
        assertThat(server.server().purge().run(PersonalDataPurge.SYSTEM).appointments()).isZero();
    }

    private static AppointmentDto book(Api api, AppointmentClinic clinic, String slotStart, String name) {
        var response = api.post("/api/appointments", new BookAppointmentRequest(clinic.service, "dr.p",
                Instant.from(java.time.OffsetDateTime.parse(slotStart)), name, "+34 600 123 456", "es"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.as(AppointmentDto.class);
    }

    private int messagesWithPhoneOrText(AppointmentDto booking) {
        return server.server().database().read(h -> h.createQuery("""
                SELECT count(*) FROM sms_outbox WHERE appointment_id = :id AND (phone IS NOT NULL OR body IS NOT NULL)""")
                .bind("id", booking.id()).mapTo(Integer.class).one());
    }

    private static AppointmentDto read(Api api, AppointmentDto booking) {
        return api.get("/api/appointments/" + booking.id()).as(AppointmentDto.class);
    }

}
