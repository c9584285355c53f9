package org.queuedesk.desktop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;
import static org.queuedesk.desktop.testing.ShellHarness.find;

import io.nayuki.qrcodegen.QrCode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.notify.StatusLinkDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.ticket.IssueTicketRequest;
import org.queuedesk.common.ticket.TicketState;
import org.queuedesk.desktop.doctor.DoctorViewModel;
import org.queuedesk.desktop.reception.TicketRow;
import org.queuedesk.desktop.testing.ScriptedSms;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.server.testing.Api;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On screen, against a real server whose text messages go to a scripted provider: the reception's SMS
 * column fills in live, Cancel asks before it ends a ticket (and the buttons stay where they were), the status
 * link shows as a QR code; the doctor's room chooser says who is in each room, joining one is a choice, and
 * Enter opens the session.
 */
@ExtendWith(ApplicationExtension.class)
class DeskUxIT {

    private static final Clock CLOCK = Clock.systemUTC();

    private final TestServer server = ScriptedSms.demoServer(CLOCK);
    private final Api receptionApi = server.api().signedInAs("reception", "reception");
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK).backgroundThreads(2);
    private ShellHarness.OnScreen staff;
    private Scene scene;

    @Start
    void start(Stage stage) {
        staff = app.showSignIn(stage);
        scene = staff.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    @Test
    void receptionSeesMessageStatesLiveAsksBeforeCancellingAndShowsTheStatusLinkAsAQrCode(FxRobot robot)
            throws Exception {
        long ana = receptionApi.issue(new IssueTicketRequest(1L, null, null, "Ana Ruiz", ScriptedSms.SENT_TO, null)).id();
        receptionApi.issue(new IssueTicketRequest(1L, null, null, "Bea Sol", ScriptedSms.REFUSED, null));
        staff.signIn(robot, "reception", "reception", "#receptionButton");
        Parent desk = scene.getRoot();
        TableView<TicketRow> tickets = find(desk, "#ticketTable");
        // one before sign-in (read with the snapshot), two after it (live events)
        receptionApi.issue(new IssueTicketRequest(2L, null, null, "Cai Mar", ScriptedSms.OPTED_OUT, null));
        receptionApi.issue(new IssueTicketRequest(3L, null, null, "Dan Paz", null, null));

        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, onFx(() -> sms(tickets, "A-001").equals("Sent")
                    && sms(tickets, "A-002").equals("Failed: " + ScriptedSms.REFUSAL)
                    && sms(tickets, "B-001").equals("Opted out") && sms(tickets, "C-001").equals("\u2014")));
        } finally {
            Screenshots.save(scene, "reception-sms-column.png");
        }

        // tickets wait and no session is open, so the server raises an alert and its banner takes its place above
        // the desk (README, Alerts); once it is there, the buttons measured below move only if the answer moves them
        server.server().alerts().evaluator().checkNow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> desk.lookup(".alert-banner") != null));

        // --- Cancel asks first; going back keeps the ticket; a confirmed cancel ends it
        Button cancel = find(desk, "#cancelButton");
        select(tickets, "A-002");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !cancel.isDisabled()));
        Bounds before = onFx(() -> cancel.localToScene(cancel.getBoundsInLocal())).call();
        robot.clickOn(cancel);
        Node overlay = find(desk, "#confirmOverlay");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(overlay::isVisible));
        Screenshots.save(scene, "reception-cancel-confirm.png");
        assertThat(onFx(() -> ((Label) desk.lookup("#confirmTitle")).getText()).call()).isEqualTo("Cancel ticket A-002?");
        robot.clickOn((Node) find(desk, "#keepButton"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !overlay.isVisible()));
        assertThat(receptionApi.ticket(ticketId(tickets, "A-002")).state()).isEqualTo(TicketState.WAITING);

        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(overlay::isVisible));
        robot.clickOn((Node) find(desk, "#confirmButton"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> state(tickets, "A-002").equals("Cancelled")
                && ((Label) desk.lookup("#actionInfo")).getText().equals("Ticket A-002 cancelled")));
        assertThat(receptionApi.ticket(ticketId(tickets, "A-002")).state()).isEqualTo(TicketState.CANCELLED);
        assertThat(onFx(cancel::isDisabled).call()).as("a cancelled ticket offers no cancel").isTrue();
        assertThat(onFx(() -> cancel.localToScene(cancel.getBoundsInLocal())).call())
                .as("the answer appears without moving the buttons").isEqualTo(before);
        Screenshots.save(scene, "reception-cancelled.png");

        // --- the status link as a QR code, the same link the server gives for the ticket
        select(tickets, "A-001");
        Button statusLink = find(desk, "#statusLinkButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !statusLink.isDisabled()));
        robot.clickOn(statusLink);
        Node qrOverlay = find(desk, "#statusLinkOverlay");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(qrOverlay::isVisible));
        Screenshots.save(scene, "reception-status-link-qr.png");
        String url = receptionApi.get("/api/tickets/" + ana + "/status-link").as(StatusLinkDto.class).url();
        assertThat(onFx(() -> ((Label) desk.lookup("#statusLinkUrl")).getText()).call()).isEqualTo(url);
        Image qr = onFx(() -> ((ImageView) desk.lookup("#statusLinkQr")).getImage()).call();
        assertThat(onFx(() -> modulesOf(qr)).call()).isEqualTo(modulesOf(QrCode.encodeText(url, QrCode.Ecc.MEDIUM)));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !qrOverlay.isVisible()));
    }

    @Test
    void theDoctorSeesWhoIsInEachRoomNeverJoinsTheirsAndEnterOpensTheSession(FxRobot robot) throws Exception {
        var otherDoctor = server.api().signedInAs("nurse", "nurse");
        var rooms = otherDoctor.get("/api/sites/1/rooms").as(new com.fasterxml.jackson.core.type.TypeReference<List<RoomDto>>() { });
        otherDoctor.openSession(rooms.get(1).id(), List.of(1L), null); // in the nurse's own name
        staff.signIn(robot, "doctor", "doctor", "#doctorButton");
        Parent room = scene.getRoot();
        ComboBox<RoomDto> roomBox = find(room, "#roomBox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> roomBox.getItems().size() == 4));
        DoctorViewModel doctor = (DoctorViewModel) staff.shell().currentScreen();
        assertThat(onFx(() -> roomBox.getItems().stream().map(doctor.setup().occupancy()::roomLabel).toList()).call()).containsExactly(
                "Room 1 \u00b7 free", "Room 2 \u00b7 in use by nurse", "Room 3 \u00b7 free", "Room 4 \u00b7 free");
        robot.clickOn(roomBox);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(roomBox::isShowing));
        Screenshots.saveWithPopups(scene, "doctor-room-chooser.png");
        robot.type(KeyCode.ESCAPE);

        // --- Room 2 is taken: Enter (the default button) says who is there instead of joining; a doctor cannot
        // work in another doctor's session (only its own doctor or an admin may), so none is offered
        WaitForAsyncUtils.asyncFx(() -> {
            roomBox.getSelectionModel().select(1);
            doctor.setup().serviceChoices().get(0).chosenProperty().set(true);
        }).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.ENTER);
        javafx.scene.control.TextField shownAs = find(room, "#doctorField");
        assertThat(onFx(shownAs::isEditable).call()).as("a doctor opens sessions in their own name only").isFalse();
        Label setupError = find(room, "#setupError");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !setupError.getText().isEmpty()));
        Screenshots.save(scene, "doctor-room-in-use.png");
        assertThat(onFx(setupError::getText).call()).isEqualTo(
                "Room 2 is in use by nurse. Choose another room, or ask nurse or an admin to close that session.");
        assertThat(onFx(() -> ((Node) find(room, "#confirmOverlay")).isVisible()).call()).isFalse();
        assertThat(onFx(() -> doctor.sessionProperty().get()).call()).as("not joined by accident").isNull();

        // --- a free room: Enter opens the session
        WaitForAsyncUtils.asyncFx(() -> roomBox.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> doctor.sessionProperty().get() != null));
        assertThat(onFx(() -> doctor.sessionProperty().get().roomName()).call()).isEqualTo("Room 1");
        Screenshots.save(scene, "doctor-session-opened-with-enter.png");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static String sms(TableView<TicketRow> table, String number) {
        return table.getItems().stream().filter(r -> r.number().equals(number)).map(TicketRow::sms).findFirst().orElse("");
    }

    private static String state(TableView<TicketRow> table, String number) {
        return table.getItems().stream().filter(r -> r.number().equals(number)).map(TicketRow::state).findFirst().orElse("");
    }

    private static long ticketId(TableView<TicketRow> table, String number) throws Exception {
        return onFx(() -> table.getItems().stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow().id())
                .call();
    }

    private static void select(TableView<TicketRow> table, String number) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> table.getItems().stream().filter(r -> r.number().equals(number)).findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dark modules of a drawn QR code, read at each module's centre (after the four-module quiet zone). */
    private static String modulesOf(Image image) {
        int size = (int) Math.round(image.getWidth());
        int modules = -1;
        for (int n = 21; n <= 177; n += 4) {
            if (size % (n + 8) == 0) {
                modules = n;
                break;
            }
        }
        int scale = size / (modules + 8);
        StringBuilder bits = new StringBuilder();
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                int argb = image.getPixelReader().getArgb((x + 4) * scale + scale / 2, (y + 4) * scale + scale / 2);
                bits.append((argb & 0xff) < 128 ? '#' : '.');
            }
            bits.append('\n');
        }
        return bits.toString();
    }

    private static String modulesOf(QrCode qr) {
        StringBuilder bits = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                bits.append(qr.getModule(x, y) ? '#' : '.');
            }
            bits.append('\n');
        }
        return bits.toString();
    }
}
