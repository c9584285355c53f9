package org.queuedesk.desktop.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.FocusRings.looks;
import static org.queuedesk.desktop.testing.FocusRings.visiblyChanged;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.appointment.AppointmentDto;
import org.queuedesk.common.appointment.BookAppointmentRequest;
import org.queuedesk.common.appointment.ScheduleBlockRequest;
import org.queuedesk.common.appointment.ScheduleRequest;
import org.queuedesk.common.appointment.SlotDto;
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
 * Reception's Appointments view used by hand (session 8, second pass): what a receptionist at the keyboard and one
 * choosing a slot under "Any doctor" met. Screenshots under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class AppointmentsKeyboardIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2); // a Wednesday

    private final MutableClock clock = new MutableClock(at("08:00"));
    private final TestServer server = TestServer.startDemoWithSignIn(clock);
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

    /**
     * Seen by hand: Tab went round the queue view's controls and never reached "Queue" / "Appointments", so a
     * receptionist without a mouse could not open the appointments at all; the switch now is a Tab stop that shows.
     */
    @Test
    void tabReachesTheAppointmentsViewAndSpaceOpensIt(FxRobot robot) throws Exception {
        var desk = signIn(robot);
        Scene scene = desk.scene();
        robot.moveTo(scene.getWindow().getX() + 2, scene.getWindow().getY() + 2); // hovers nothing
        Node queueView = find(desk.root(), "#queueViewButton");
        Node appointmentsView = find(desk.root(), "#appointmentsViewButton");
        int[] unfocused = onFx(() -> looks(queueView)).call();
        int[] appointmentsUnfocused = onFx(() -> looks(appointmentsView)).call();
        List<String> stops = new ArrayList<>();
        // the two views are one Tab stop, as a group of toggles is: Tab reaches the shown one, an arrow the other
        // (JavaFX's toggle group selects it as it moves; Space on a shown view keeps it shown)
        tabTo(robot, scene, "queueViewButton", stops);
        assertThat(onFx(() -> idOf(scene.getFocusOwner())).call()).as("Tab stops: " + stops).isEqualTo("queueViewButton");
        assertThat(visiblyChanged(unfocused, onFx(() -> looks(queueView)).call()))
                .as("pixels around Queue that change when the keyboard is on it").isGreaterThan(200);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> "appointmentsViewButton".equals(idOf(scene.getFocusOwner()))));
        Screenshots.save(scene, "reception-view-switch-focused.png");
        assertThat(visiblyChanged(appointmentsUnfocused, onFx(() -> looks(appointmentsView)).call()))
                .as("pixels around Appointments that change when an arrow moved the keyboard there").isGreaterThan(200);
        robot.type(KeyCode.SPACE);
        desk.waitFor("#appointmentTable");
        Screenshots.save(scene, "appointments-by-keyboard.png");
        // and back to the queue the same way
        tabTo(robot, scene, "appointmentsViewButton", new ArrayList<>());
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> "queueViewButton".equals(idOf(scene.getFocusOwner()))));
        robot.type(KeyCode.SPACE);
        desk.waitFor("#ticketTable");
    }

    /**
     * Seen by hand: under "Any doctor" the free slots list each doctor's times ("09:00 · nurse"); choosing the
     * nurse's 09:00 booked the doctor's, because the form sent no doctor and the server picked one.
     */
    @Test
    void aSlotChosenUnderAnyDoctorIsBookedWithTheDoctorItNames(FxRobot robot) throws Exception {
        long service = schedule("doctor");
        schedule("nurse");
        var desk = signIn(robot);
        desk.click("#appointmentsViewButton");
        desk.waitFor("#slotList");
        ListView<SlotDto> slots = find(desk.root(), "#slotList");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> slots.getItems().stream()
                .anyMatch(s -> s.localTime().equals("09:00") && s.doctor().equals("nurse"))));
        WaitForAsyncUtils.asyncFx(() -> slots.getSelectionModel().select(slots.getItems().stream()
                .filter(s -> s.localTime().equals("09:00") && s.doctor().equals("nurse")).findFirst().orElseThrow()))
                .get(5, TimeUnit.SECONDS);
        robot.clickOn((Node) find(desk.root(), "#bookingNameField")).write("Lina Haddad");
        Button submit = find(desk.root(), "#submitBookingButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !submit.isDisabled()));
        Screenshots.save(desk.scene(), "appointments-any-doctor-nurse-chosen.png");
        robot.clickOn(submit);
        TableView<AppointmentRow> table = find(desk.root(), "#appointmentTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().stream()
                .anyMatch(r -> r.name().equals("Lina Haddad"))));
        AppointmentDto booked = List.of(reception().get("/api/sites/1/appointments?date=" + DAY)
                .as(AppointmentDto[].class)).stream().filter(b -> "Lina Haddad".equals(b.patientName()))
                .findFirst().orElseThrow();
        assertThat(booked.doctor()).as("the doctor the chosen line named").isEqualTo("nurse");
        assertThat(booked.localTime()).isEqualTo("09:00");
    }

    /**
     * Seen by hand: Tab onto "Cancel booking", and onto the question's red "Cancel booking", showed nothing: their
     * own fill and border replaced Modena's focus ring, so the receptionist could not tell where Enter would act.
     */
    @Test
    void cancelButtonsShowWhenTheKeyboardIsOnThem(FxRobot robot) throws Exception {
        long service = schedule("doctor");
        reception().post("/api/appointments", new BookAppointmentRequest(service, "doctor", at("09:30"), "Omar Haddad",
                null, "en"));
        var desk = signIn(robot);
        desk.click("#appointmentsViewButton");
        Scene scene = desk.scene();
        TableView<AppointmentRow> table = find(desk.root(), "#appointmentTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().stream()
                .anyMatch(r -> r.name().equals("Omar Haddad"))));
        DoctorsWednesday.choose(table, "09:30");
        robot.moveTo(scene.getWindow().getX() + 2, scene.getWindow().getY() + 2); // hovers nothing
        Button cancel = find(desk.root(), "#cancelBookingButton");
        Button move = find(desk.root(), "#moveButton");
        WaitForAsyncUtils.asyncFx(move::requestFocus).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> move.isFocused() && !cancel.isDisabled()));
        int[] before = onFx(() -> looks(cancel)).call();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(cancel::isFocused));
        Screenshots.save(scene, "appointments-cancel-focused.png");
        assertThat(visiblyChanged(before, onFx(() -> looks(cancel)).call()))
                .as("pixels around Cancel booking that change when the keyboard is on it").isGreaterThan(300);

        robot.type(KeyCode.SPACE);
        desk.waitFor("#confirmButton");
        Button confirm = desk.lookup("#confirmButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !confirm.isFocused()));
        int[] asked = onFx(() -> looks(confirm)).call();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(confirm::isFocused));
        Screenshots.save(scene, "appointments-cancel-question-focused.png");
        assertThat(visiblyChanged(asked, onFx(() -> looks(confirm)).call()))
                .as("pixels around the question's Cancel booking that change when the keyboard is on it")
                .isGreaterThan(300);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + ":00Z");
    }

    private ShellHarness.OnScreen signIn(FxRobot robot) throws Exception {
        app = ShellHarness.against(server.baseUrl()).clock(clock).language(Locale.ENGLISH);
        ShellHarness.OnScreen desk = WaitForAsyncUtils.asyncFx(() -> app.showSignIn(stage)).get(10, TimeUnit.SECONDS);
        desk.signIn(robot, "reception", "reception", "#receptionButton");
        desk.waitFor("#ticketTable");
        // no wait for the keyboard on the name field: in the whole suite's JVM the robot's click on Reception has
        // left it on the queue table under the pointer (CI, twice); these tests start from wherever it is
        WaitForAsyncUtils.waitForFxEvents();
        return desk;
    }

    /** {@code who} works Wednesdays 09:00-10:00 in 15-minute slots of the demo's first service; its id. */
    private long schedule(String who) throws Exception {
        Api admin = server.api().signedInAs("admin", "admin");
        long service = admin.get("/api/sites/1/services").json().get(0).get("id").asLong();
        var body = new ScheduleRequest(List.of(new ScheduleBlockRequest(3, "09:00", "10:00", List.of(service), null, 15, 1)));
        var response = admin.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/sites/1/schedules/" + who))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return service;
    }

    private Api reception() {
        return server.api().signedInAs("reception", "reception");
    }

    private static void tabTo(FxRobot robot, Scene scene, String id, List<String> stops) throws Exception {
        for (int i = 0; i < 40 && !id.equals(onFx(() -> idOf(scene.getFocusOwner())).call()); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            stops.add(onFx(() -> idOf(scene.getFocusOwner())).call());
        }
    }

    private static String idOf(Node node) {
        return node == null ? "nothing" : node.getId() != null ? node.getId() : node.getClass().getSimpleName();
    }


}
