package org.queuedesk.server.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.AppointmentSettingsDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.MoveAppointmentRequest;
import org.queuedesk.server.notify.FakeSnsServer;
import org.queuedesk.server.notify.SmsSegments;
import org.queuedesk.server.notify.SmsTestServer;
import org.queuedesk.server.testing.Api;

/**
 * A booking's text messages end to end (README, "Appointments"): the real server with an injected clock, the real
 * SNS client against the SNS-protocol test server. Expected texts are hand-written in {@code appointment-sms.properties}.
 * The clock is set and then runs (the dispatcher's retries are timed by it). The site is in Europe/Madrid: clocks go forward on Sunday 29 March 2026 (18:00 is 17:00Z before, 16:00Z from that
 * day) and back on Sunday 25 October 2026 (18:00 is 16:00Z before, 17:00Z from that day).
 */
class AppointmentSmsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PHONE = "+34600123456";
    private static final Properties EXPECTED = expected();
    private final FakeSnsServer sns = FakeSnsServer.start();
    private RunningClock clock;
    private SmsTestServer server;
    private AppointmentClinic clinic;

    /** A server whose clock starts at {@code now}, with dr.lopez working Monday to Saturday 09:00-12:00. */
    private void start(String now) {
        clock = new RunningClock(Instant.parse(now));
        server = SmsTestServer.start(clock, SmsTestServer.fastRetries(sns).withLimits(3, 4));
        clinic = new AppointmentClinic(server.api(), "Clínica Centro");
        clinic.doctor("dr.lopez");
        clinic.schedule("dr.lopez", "09:00", "12:00", 15, 1, 1, 2, 3, 4, 5, 6);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        sns.close();
    }

    @Test
    void aBookingIsConfirmedInThePatientsLanguageThroughSnsAndACancellationIsNoticed() {
        start("2026-03-25T08:00:00Z"); // Wednesday 09:00 in Madrid
        var booked = book("2026-03-26T08:00:00Z", "es"); // Thursday 09:00 (+01:00)

        assertThat(awaitSent(1).get(0).message()).isEqualTo(expected("confirmation.es", booked));
        assertThat(SmsSegments.isGsm7(expected("confirmation.es", booked))).isTrue();

        assertThat(api().post("/api/appointments/" + booked.id() + "/cancel", null).status()).isEqualTo(200);
        assertThat(awaitSent(2).get(1).message()).isEqualTo(expected("cancelled.es", booked));
        // a cancelled booking's reminder does not go: Wednesday 18:00 local, and later
        clock.set(Instant.parse("2026-03-25T17:00:00Z"));
        reminders();
        clock.set(Instant.parse("2026-03-26T07:30:00Z"));
        reminders();
        assertThat(kinds(booked)).containsExactly("appointment_confirmation", "appointment_cancelled");
    }

    @Test
    void anArabicConfirmationKeepsItsLettersAndFitsInTwoMessages() {
        start("2026-03-25T08:00:00Z");
        var booked = book("2026-03-26T08:00:00Z", "ar");

        String text = awaitSent(1).get(0).message();
        assertThat(text).isEqualTo(expected("confirmation.ar", booked));
        assertThat(SmsSegments.count(text)).isLessThanOrEqualTo(2);
    }

    @Test
    void theReminderGoesAtSixInTheEveningLocalOnTheDayClocksGoForwardAndOnlyOnce() {
        start("2026-03-25T08:00:00Z");
        var booked = book("2026-03-30T07:00:00Z", "en"); // Monday 30 March 09:00 (+02:00)
        awaitSent(1);

        clock.set(Instant.parse("2026-03-29T15:59:00Z")); // Sunday 17:59 CEST
        reminders();
        assertThat(kinds(booked)).containsExactly("appointment_confirmation");
        clock.set(Instant.parse("2026-03-29T16:00:00Z")); // Sunday 18:00 CEST (17:00Z would be 19:00)
        reminders();
        assertThat(awaitSent(2).get(1).message()).isEqualTo(expected("reminder.en.spring", booked));
        clock.set(Instant.parse("2026-03-29T16:01:00Z"));
        reminders();
        assertThat(kinds(booked)).containsExactly("appointment_confirmation", "appointment_reminder");
    }

    @Test
    void theReminderGoesAtSixInTheEveningLocalOnTheDayClocksGoBack() {
        start("2026-10-21T08:00:00Z"); // Wednesday 10:00 CEST
        var booked = book("2026-10-26T08:00:00Z", "en"); // Monday 26 October 09:00 (+01:00)
        awaitSent(1);

        clock.set(Instant.parse("2026-10-25T16:59:00Z")); // Sunday 17:59 CET (16:00Z would be 17:00)
        reminders();
        assertThat(kinds(booked)).containsExactly("appointment_confirmation");
        clock.set(Instant.parse("2026-10-25T17:00:00Z")); // Sunday 18:00 CET
        reminders();
        assertThat(awaitSent(2).get(1).message()).isEqualTo(expected("reminder.en.autumn", booked));
    }

    @Test
    void aBookingMadeAfterItsReminderTimeGetsNoDayBeforeReminderButTheSitesOneBeforeTheSlot() {
        start("2026-03-25T08:00:00Z");
        var settings = clinic.put("/api/sites/" + clinic.site + "/appointment-settings",
                new AppointmentSettingsDto(15, "18:00", 60));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        clock.set(Instant.parse("2026-03-27T19:00:00Z")); // Friday 20:00, after Friday's 18:00 reminder time
        var booked = book("2026-03-28T08:00:00Z", "es"); // Saturday 09:00 (+01:00)
        awaitSent(1);

        clock.set(Instant.parse("2026-03-28T06:59:00Z")); // Saturday 07:59: nothing yet
        reminders();
        assertThat(kinds(booked)).containsExactly("appointment_confirmation");
        clock.set(Instant.parse("2026-03-28T07:00:00Z")); // Saturday 08:00, an hour before
        reminders();
        assertThat(awaitSent(2).get(1).message()).isEqualTo(expected("reminder.es.saturday", booked));
        assertThat(SmsSegments.isGsm7(expected("reminder.es.saturday", booked))).isTrue();
    }

    @Test
    void aMovedBookingIsNoticedAndRemindedOfItsNewTimeOnly() {
        start("2026-03-25T08:00:00Z");
        var booked = book("2026-03-26T08:00:00Z", "en"); // Thursday 09:00
        awaitSent(1);
        clock.set(Instant.parse("2026-03-25T09:00:00Z"));
        var moved = api().post("/api/appointments/" + booked.id() + "/move",
                new MoveAppointmentRequest(Instant.parse("2026-03-27T09:00:00Z"), null)); // Friday 10:00
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(awaitSent(2).get(1).message()).isEqualTo(expected("moved.en", booked));

        clock.set(Instant.parse("2026-03-25T17:00:00Z")); // Wednesday 18:00: the old slot's reminder time
        reminders();
        assertThat(kinds(booked)).containsExactly("appointment_confirmation", "appointment_moved");
        clock.set(Instant.parse("2026-03-26T17:00:00Z")); // Thursday 18:00: the new slot's
        reminders();
        assertThat(awaitSent(3).get(2).message()).isEqualTo(expected("reminder.en.friday", booked));
    }

    @Test
    void aReminderIsNotWrittenAgainAfterARestart() {
        start("2026-03-25T08:00:00Z");
        var booked = book("2026-03-26T08:00:00Z", "en");
        awaitSent(1);
        clock.set(Instant.parse("2026-03-25T17:00:00Z"));
        reminders();
        awaitSent(2);

        var dataDir = server.dataDir();
        server.close();
        server = SmsTestServer.startOn(dataDir, clock, SmsTestServer.fastRetries(sns));
        clock.set(Instant.parse("2026-03-25T17:05:00Z"));
        reminders();

        assertThat(kinds(booked)).containsExactly("appointment_confirmation", "appointment_reminder");
        assertThat(sns.publishedTo(PHONE)).hasSize(2);
    }

    @Test
    void aNumberOnTheOptOutListGetsNoConfirmationOrReminder() {
        start("2026-03-25T08:00:00Z");
        sns.optOut(PHONE);
        var booked = book("2026-03-26T08:00:00Z", "es");
        FakeSnsServer.await(WAIT, "the confirmation found opted out", () -> states(booked).equals(List.of("opted_out")));
        clock.set(Instant.parse("2026-03-25T17:00:00Z"));
        reminders();

        assertThat(kinds(booked)).containsExactly("appointment_confirmation", "appointment_reminder");
        assertThat(states(booked)).containsExactly("opted_out", "opted_out");
        assertThat(sns.publishedTo(PHONE)).isEmpty();
    }

    @Test
    void bookingsWithTextMessagesToOneNumberAreLimitedLikeTickets() {
        start("2026-03-25T08:00:00Z");
        for (int i = 0; i < 3; i++) {
            book(Instant.parse("2026-03-26T08:00:00Z").plus(Duration.ofMinutes(15L * i)).toString(), "es");
        }
        var refused = api().post("/api/appointments", new BookAppointmentRequest(clinic.service, "dr.lopez",
                Instant.parse("2026-03-26T09:00:00Z"), "Ana", PHONE, "es"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("detail").asText()).contains("book without a phone number");
        assertThat(api().post("/api/appointments", new BookAppointmentRequest(clinic.service, "dr.lopez",
                Instant.parse("2026-03-26T09:00:00Z"), "Ana", null, "es")).status()).isEqualTo(201);
    }

    // ---- helpers

    /** A clock set by the test that then runs at real speed, so the dispatcher's retries still come due. */
    private static final class RunningClock extends java.time.Clock {
        private record Anchor(Instant at, long nanos) {
        }

        private volatile Anchor anchor;

        RunningClock(Instant start) {
            set(start);
        }

        void set(Instant instant) {
            anchor = new Anchor(instant, System.nanoTime());
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return java.time.Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            var a = anchor;
            return a.at().plusNanos(System.nanoTime() - a.nanos());
        }
    }

    private Api api() {
        return server.api();
    }

    private AppointmentDto book(String slotStart, String language) {
        var response = api().post("/api/appointments", new BookAppointmentRequest(clinic.service, "dr.lopez",
                Instant.parse(slotStart), "Ana García", "+34 600 123 456", language));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.as(AppointmentDto.class);
    }

    private void reminders() {
        server.server().appointments().sendReminders();
    }

    private List<FakeSnsServer.Published> awaitSent(int count) {
        FakeSnsServer.await(WAIT, count + " messages to " + PHONE, () -> sns.publishedTo(PHONE).size() >= count);
        return sns.publishedTo(PHONE);
    }

    private List<String> kinds(AppointmentDto booking) {
        return column("kind", booking);
    }

    private List<String> states(AppointmentDto booking) {
        return column("state", booking);
    }

    private List<String> column(String column, AppointmentDto booking) {
        return server.server().database().read(h -> h.createQuery(
                "SELECT " + column + " FROM sms_outbox WHERE appointment_id = :id ORDER BY id")
                .bind("id", booking.id()).mapTo(String.class).list());
    }

    private static String expected(String key, AppointmentDto booking) {
        return EXPECTED.getProperty(key).replace("{code}", booking.code());
    }

    private static Properties expected() {
        var properties = new Properties();
        try (var in = AppointmentSmsIT.class.getResourceAsStream("appointment-sms.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
