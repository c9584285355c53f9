package org.queuedesk.desktop.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.SlotDto;
import org.queuedesk.desktop.reception.TicketRow;
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
 * Reception's Appointments view against a real server (in-process, the demo clinic in UTC, a clock set to a
 * Wednesday morning): book a free slot, move it, cancel another desk's booking, check the patient in and find
 * the ticket in the queue view. Screenshots in English and in Arabic (mirrored) under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class AppointmentsIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    private final MutableClock clock = new MutableClock(at("08:00"));
    private final TestServer server = TestServer.startDemoWithSignIn(clock);
    private ShellHarness app;
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + ":00Z");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void receptionBooksMovesCancelsAndChecksIn(FxRobot robot) throws Exception {
        long service = DoctorsWednesday.schedule(server);
        var desk = open(Locale.ENGLISH, "reception");
        Parent root = desk.root();
        TableView<AppointmentRow> table = find(root, "#appointmentTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 4));
        Screenshots.save(desk.scene(), "appointments-day.png");

        // --- book the free 09:15 slot: choose its line, type the name, Book
        DoctorsWednesday.choose(table, "09:15");
        TextField name = find(root, "#bookingNameField");
        robot.clickOn(name).write("Ana Ruiz");
        robot.clickOn((Node) find(root, "#bookingPhoneField")).write("+34 600 123 456");
        Button submit = find(root, "#submitBookingButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !submit.isDisabled()));
        robot.clickOn(submit);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> DoctorsWednesday.line(table, "09:15").state().equals("Booked")));
        assertThat(onFx(() -> DoctorsWednesday.line(table, "09:15").phone()).call()).isEqualTo("+34******456");
        // another desk books 09:30 meanwhile: it shows live
        AppointmentDto other = reception().post("/api/appointments", new BookAppointmentRequest(service, "doctor",
                at("09:30"), "Omar Haddad", null, "ar")).as(AppointmentDto.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> DoctorsWednesday.line(table, "09:30").name().equals("Omar Haddad")));
        Screenshots.save(desk.scene(), "appointments.png");

        // --- move Ana to 09:45
        DoctorsWednesday.choose(table, "09:15");
        desk.click("#moveButton");
        ListView<SlotDto> slots = find(root, "#slotList");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> slots.getItems().stream()
                .anyMatch(s -> s.localTime().equals("09:45"))));
        WaitForAsyncUtils.asyncFx(() -> slots.getSelectionModel().select(slots.getItems().stream()
                .filter(s -> s.localTime().equals("09:45")).findFirst().orElseThrow())).get(5, TimeUnit.SECONDS);
        Screenshots.save(desk.scene(), "appointments-move.png");
        // both ways out of the move are in view without scrolling the form, on the 1366x768 test screen
        for (String id : new String[] {"#submitBookingButton", "#backButton"}) {
            Node button = find(root, id);
            double[] bottoms = onFx(() -> {
                Node scroll = button.getParent();
                while (scroll != null && !(scroll instanceof javafx.scene.control.ScrollPane)) {
                    scroll = scroll.getParent();
                }
                double visible = scroll == null ? desk.scene().getHeight()
                        : scroll.localToScene(scroll.getBoundsInLocal()).getMaxY();
                return new double[] {button.localToScene(button.getBoundsInLocal()).getMaxY(), visible};
            }).call();
            assertThat(bottoms[0]).as(id + "'s bottom against the form's visible bottom").isLessThanOrEqualTo(bottoms[1]);
        }
        desk.click("#submitBookingButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> DoctorsWednesday.line(table, "09:45").name().equals("Ana Ruiz")
                && DoctorsWednesday.line(table, "09:15").state().equals("Free")));
        // seen by hand (session 8): a move answered "Booked …", as if a second booking had been made
        assertThat(desk.text("#appointmentInfo")).startsWith("Moved ").contains("09:45").doesNotContain("Booked");

        // --- cancel Omar's: it asks first
        DoctorsWednesday.choose(table, "09:30");
        desk.click("#cancelBookingButton");
        desk.waitFor("#confirmOverlay");
        assertThat(desk.text("#confirmMessage")).contains("Omar Haddad").contains("09:30");
        Screenshots.save(desk.scene(), "appointments-cancel.png");
        desk.click("#confirmButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> DoctorsWednesday.line(table, "09:30").state().equals("Free")));
        assertThat(onFx(() -> table.getItems().stream().noneMatch(r -> other.code().equals(r.code()))).call()).isTrue();

        // --- Ana arrives: check in, the ticket's number shows
        DoctorsWednesday.choose(table, "09:45");
        desk.click("#checkInButton");
        Label info = find(root, "#appointmentInfo");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> info.getText().equals(
                "Checked in: ticket A-001 for Ana Ruiz")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> DoctorsWednesday.line(table, "09:45").state()
                .equals("Checked in \u00b7 A-001")));
        Screenshots.save(desk.scene(), "appointments-checked-in.png");

        // the queue view has her ticket waiting
        desk.click("#queueViewButton");
        TableView<TicketRow> tickets = find(root, "#ticketTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> tickets.getItems().stream()
                .anyMatch(r -> r.number().equals("A-001") && r.name().equals("Ana Ruiz") && r.state().equals("Waiting"))));
    }

    @Test
    void theAppointmentsViewIsMirroredInArabic() throws Exception {
        long service = DoctorsWednesday.schedule(server);
        reception().post("/api/appointments", new BookAppointmentRequest(service, "doctor", at("09:00"), "\u0639\u0645\u0631",
                "+34 600 123 456", "ar"));
        var desk = open(Locale.forLanguageTag("ar"), "reception");
        TableView<AppointmentRow> table = find(desk.root(), "#appointmentTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 4
                && table.getItems().get(0).name().equals("\u0639\u0645\u0631")));
        Screenshots.save(desk.scene(), "ar-appointments.png");
        assertThat(onFx(() -> desk.root().getEffectiveNodeOrientation()).call()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(onFx(() -> table.getItems().get(0).state()).call()).isEqualTo("\u0645\u062d\u062c\u0648\u0632");
    }

    // --- helpers -------------------------------------------------------------------------------------

    private ShellHarness.OnScreen open(Locale language, String user) throws Exception {
        app = ShellHarness.against(server.baseUrl()).clock(clock).language(language);
        ShellHarness.OnScreen desk = WaitForAsyncUtils.asyncFx(() -> app.showSignIn(stage)).get(10, TimeUnit.SECONDS);
        desk.signIn(new FxRobot(), user, user, "#receptionButton");
        desk.click("#appointmentsViewButton");
        desk.waitFor("#appointmentTable");
        return desk;
    }

    private Api reception() {
        return server.api().signedInAs("reception", "reception");
    }
}
