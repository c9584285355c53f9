package org.queuedesk.desktop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.ground.CurrentThreadExecutor;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;
import org.queuedesk.desktop.testing.FxThreadStandIn;
import org.queuedesk.desktop.testing.ManualScheduler;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;

/**
 * The doctor's own appointments today beside the queue, live, and a late check-in told apart in the queue
 * (README "Appointments": on time it waits from its slot's start; more than the grace period late, from its
 * arrival). A real server in-process, the demo clinic in UTC, a clock the test sets.
 */
class DoctorDayTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2); // a Wednesday

    private final ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private final MutableClock clock = new MutableClock(at("08:00"));
    private final TestServer server = TestServer.startDemoWithSignIn(clock);
    private final Api reception = server.api().signedInAs("reception", "reception");
    private final FxThreadStandIn fxThread = new FxThreadStandIn();
    private LiveSite live;
    private DoctorViewModel doctor;
    private long serviceA;

    static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + ":00Z");
    }

    @BeforeEach
    void scheduleAndSignIn() throws Exception {
        Api admin = server.api().signedInAs("admin", "admin");
        long site = admin.get("/api/sites").json().get(0).get("id").asLong();
        serviceA = admin.get("/api/sites/" + site + "/services").json().get(0).get("id").asLong();
        for (String who : List.of("doctor", "admin")) {
            var body = new ScheduleRequest(List.of(new ScheduleBlockRequest(3, "09:00", "10:00", List.of(serviceA), null, 15, 1)));
            var response = admin.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/sites/" + site
                            + "/schedules/" + who)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        TokenStore tokens = new TokenStore(clock);
        var client = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), tokens, Duration.ofSeconds(5));
        client.login("doctor", "doctor");
        var stream = new EventStreamClient(HttpClient.newHttpClient(), tokens, new ManualScheduler(),
                ReconnectPolicy.DEFAULT, fxThread);
        live = new LiveSite(client, stream, new CurrentThreadExecutor(), new SimpleBooleanProperty(true), messages);
        doctor = new DoctorViewModel(live, new CurrentThreadExecutor(), new TicketText(messages, clock), "doctor");
        live.start();
        fxThread.runUntil("the desk is online", () -> live.onlineProperty().get());
    }

    @AfterEach
    void stop() {
        live.stop();
        server.close();
    }

    @Test
    void theDoctorSeesOnlyTheirOwnDayAndItFollowsBookingsLive() {
        book("doctor", "09:15", "Omar Haddad");
        book("admin", "09:00", "Someone Else");
        book("doctor", "09:00", "Ana Ruiz");
        fxThread.runUntil("both of the doctor's bookings are shown", () -> doctor.day().rows().size() == 2);
        assertThat(doctor.day().rows()).extracting(r -> r.time() + " " + r.name() + " " + r.state())
                .containsExactly("09:00 Ana Ruiz Booked", "09:15 Omar Haddad Booked");
    }

    @Test
    void aLateCheckInWaitsByArrivalAndIsMarkedOnTimeOnesKeepTheirSlot() {
        var ana = book("doctor", "09:00", "Ana Ruiz");
        var omar = book("doctor", "09:15", "Omar Haddad");
        doctor.setup().roomProperty().set(doctor.setup().rooms().get(0));
        doctor.setup().serviceChoices().get(0).chosenProperty().set(true);
        doctor.setup().openSession();
        assertThat(doctor.sessionOpenProperty().get()).isTrue();

        clock.set(at("09:20")); // Ana: 20 min after her slot (grace 15: late); Omar: 5 min after his (on time)
        checkIn(ana);
        checkIn(omar);
        fxThread.runUntil("both are checked in and waiting", () -> doctor.waiting().size() == 2
                && doctor.day().rows().stream().allMatch(r -> r.state().startsWith("Checked in")));

        // Omar queues at his slot (09:15), ahead of Ana who queues by her arrival (09:20)
        assertThat(doctor.waiting()).extracting(WaitingRow::number).containsExactly("A-002", "A-001");
        assertThat(doctor.waiting()).extracting(WaitingRow::lateCheckIn).containsExactly(false, true);
        assertThat(doctor.waiting().get(1).priority()).isEqualTo("Appointment \u00b7 late, by arrival");
        assertThat(doctor.waiting().get(0).priority()).isEqualTo("Normal");
        assertThat(doctor.day().rows()).extracting(r -> r.time() + " " + r.state()).containsExactly(
                "09:00 Checked in late \u00b7 A-001 by arrival", "09:15 Checked in \u00b7 A-002");
    }

    private AppointmentDto book(String who, String time, String name) {
        var response = reception.post("/api/appointments", new BookAppointmentRequest(serviceA, who, at(time), name, null, "en"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.as(AppointmentDto.class);
    }

    private void checkIn(AppointmentDto booking) {
        // signed in afresh: the clock moved past the first sign-in's access token
        var response = server.api().signedInAs("reception", "reception").post("/api/appointments/" + booking.id() + "/check-in", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
