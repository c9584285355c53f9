package org.queuedesk.desktop.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.MutableClock;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reception leaves the Appointments view open while the server restarts and its access token runs out (10
 * minutes, README): the view says the server is gone and refuses to book, then recovers by itself — a booking
 * made on the restarted server before the desk reconnects shows, and the desk books again with a token it
 * refreshed on its own. Last round's worst defects were desks that froze or dropped state in exactly this way.
 */
@ExtendWith(ApplicationExtension.class)
class AppointmentsRestartIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private TestServer server = TestServer.startDemoWithSignIn(clock);
    private final Path dataDir = server.dataDir();
    private final int port = server.port();
    private ShellHarness app;
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void theViewSurvivesARestartAndAnExpiredToken(FxRobot robot) throws Exception {
        long service = DoctorsWednesday.schedule(server);
        app = ShellHarness.against(server.baseUrl()).clock(clock).language(Locale.ENGLISH);
        ShellHarness.OnScreen desk = WaitForAsyncUtils.asyncFx(() -> app.showSignIn(stage)).get(10, TimeUnit.SECONDS);
        desk.signIn(robot, "reception", "reception", "#receptionButton");
        desk.click("#appointmentsViewButton");
        desk.waitFor("#appointmentTable");
        TableView<AppointmentRow> table = find(desk.root(), "#appointmentTable");
        // the doctor's Wednesday 09:00-10:00 in 15-minute slots: four free lines
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 4
                && table.getItems().stream().allMatch(r -> r.state().equals("Free"))));
        Button submit = find(desk.root(), "#submitBookingButton");

        // --- the server goes away: the banner says so and booking is refused on the desk itself
        server.close();
        Label banner = find(desk.root(), "#banner");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, onFx(() -> banner.isVisible() && submit.isDisabled()));
        Screenshots.save(desk.scene(), "appointments-offline.png");

        // --- eleven minutes later (the desk's access token has expired) it comes back on the same file and port,
        // and another desk books 09:30 before this one has reconnected
        clock.advance(Duration.ofMinutes(11));
        server = TestServer.startOnWithSignIn(dataDir, clock, port);
        reception().post("/api/appointments", new BookAppointmentRequest(service, "doctor",
                Instant.parse("2026-12-02T09:30:00Z"), "Omar Haddad", null, "en"));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, onFx(() -> !banner.isVisible()
                && DoctorsWednesday.line(table, "09:30").name().equals("Omar Haddad")));

        // --- and this desk books 09:15 itself: its requests carry a token it refreshed by itself
        DoctorsWednesday.choose(table, "09:15");
        robot.clickOn((Node) find(desk.root(), "#bookingNameField")).write("Ana Ruiz");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !submit.isDisabled()));
        robot.clickOn(submit);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> DoctorsWednesday.line(table, "09:15").name().equals("Ana Ruiz")
                && DoctorsWednesday.line(table, "09:15").state().equals("Booked")));
        Screenshots.save(desk.scene(), "appointments-recovered.png");
        // the server has both bookings: nothing the desk showed was only on the desk
        var day = reception().get("/api/sites/1/appointments?date=2026-12-02").json();
        assertThat(day.findValuesAsText("patientName")).containsExactlyInAnyOrder("Omar Haddad", "Ana Ruiz");
        TextField name = find(desk.root(), "#bookingNameField");
        assertThat(onFx(name::getText).call()).isEmpty();
    }

    private Api reception() {
        return server.api().signedInAs("reception", "reception");
    }
}
