package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import io.nayuki.qrcodegen.QrCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.common.auth.UserDto;
import org.queuedesk.common.site.RoomDto;
import org.queuedesk.common.site.ServiceDto;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Admin mode on screen against a real demo server: the admin signs in, picks Admin, and works each management
 * screen with the keyboard and mouse; what the server refuses shows under the field it names (messages from
 * queue-server's validation tables), and a new device's token shows once, with a QR code of exactly that token.
 * Screenshots under target/screenshots/admin-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class AdminIT {

    private final AdminDesk desk = new AdminDesk();
    private final TestServer server = desk.server;
    private ShellHarness.OnScreen admin;
    private Scene scene;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        desk.show(stage);
        admin = desk.screen();
        scene = desk.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        desk.close();
    }

    /** Admin mode open at the first site; these tests start at the services. */
    private void openAdmin(FxRobot robot) throws Exception {
        this.robot = robot;
        desk.open();
        openScreen("services");
    }

    private void openScreen(String screen) throws Exception {
        desk.openScreen(screen);
    }

    private void type(String fieldId, String text) throws Exception {
        desk.type(fieldId, text);
    }

    private void press(String buttonId) throws Exception {
        desk.press(buttonId);
    }

    private void waitText(String labelId, String expected) throws Exception {
        desk.waitText(labelId, expected);
    }

    private QueueDeskClient adminClient() throws Exception {
        return desk.adminClient();
    }

    @Test
    void servicesAreCreatedAndEditedAndABadPrefixIsShownUnderThePrefix(FxRobot robot) throws Exception {
        openAdmin(robot);
        TableView<ServiceDto> table = admin.lookup("#servicesTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 3));
        Screenshots.save(scene, "admin-services.png");

        type("#serviceName", "Dermatology");
        type("#servicePrefix", "D1");
        robot.clickOn("#createServiceButton");
        waitText("#servicePrefixError", "use one to three letters A-Z, e.g. 'A'.");
        Screenshots.save(scene, "admin-services-refused.png");

        type("#servicePrefix", "D");
        type("#serviceNameEs", "Dermatolog\u00eda");
        robot.clickOn("#createServiceButton");
        waitText("#createServiceDone", "Service D \u00b7 Dermatology created.");
        assertThat(onFx(() -> admin.<Label>lookup("#servicePrefixError").isVisible()).call()).isFalse();
        assertThat(adminClient().services(1).stream().filter(s -> s.prefix().equals("D")).findFirst().orElseThrow()
                .names()).containsEntry("es", "Dermatolog\u00eda");

        // edit the chosen service: remote joining hours refused by the server, then saved
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        admin.click("#remoteOpen");
        type("#opensAt", "14:00");
        type("#closesAt", "09:00");
        press("#saveServiceButton");
        waitText("#closesAtError", "must be later than opensAt (hours past midnight are not supported).");
        Screenshots.save(scene, "admin-services-edit-refused.png");
        type("#closesAt", "18:00");
        press("#saveServiceButton");
        waitText("#editServiceDone", "General practice saved.");
        var joining = adminClient().remoteJoining(adminClient().services(1).get(0).id());
        assertThat(joining.open()).isTrue();
        assertThat(joining.closesAt()).isEqualTo("18:00");
        Screenshots.save(scene, "admin-services-edited.png");

        // its text messages, below the fold: reached with the keyboard, which scrolls them into view
        TextArea text = admin.lookup("#smsText");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !text.getText().isEmpty()));
        WaitForAsyncUtils.asyncFx(() -> {
            text.requestFocus();
            text.clear();
        }).get(5, TimeUnit.SECONDS);
        robot.write("Hi {name}, your number is {number}");
        Node saveText = admin.lookup("#saveTextButton");
        WaitForAsyncUtils.asyncFx(saveText::requestFocus).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.SPACE);
        Label textError = admin.lookup("#smsTextError");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> textError.isVisible()
                && textError.getText().startsWith("unknown placeholders [name]")));
        assertThat(onFx(() -> textError.localToScene(textError.getBoundsInLocal()).getMaxY() <= scene.getHeight()).call())
                .as("the message under the text is in view").isTrue();
        Screenshots.save(scene, "admin-services-text-refused.png");
    }

    @Test
    void roomsAreCreatedAndRenamedAndATooLongNameIsShownUnderTheName(FxRobot robot) throws Exception {
        openAdmin(robot);
        openScreen("rooms");
        TableView<RoomDto> table = admin.lookup("#roomsTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 4));
        type("#roomName", "r".repeat(41));
        robot.type(KeyCode.TAB); // the keyboard reaches the create button too
        robot.clickOn("#createRoomButton");
        waitText("#roomNameError", "must be at most 40 characters.");
        Screenshots.save(scene, "admin-rooms-refused.png");
        type("#roomName", "Room 5");
        type("#roomNameAr", "\u063a\u0631\u0641\u0629 5");
        robot.clickOn("#createRoomButton");
        waitText("#createRoomDone", "Room Room 5 created.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 5));

        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(1)).get(5, TimeUnit.SECONDS);
        type("#editRoomNameEs", "Consulta 2");
        robot.clickOn("#saveRoomButton");
        waitText("#editRoomDone", "Room 2 saved.");
        assertThat(adminClient().rooms(1).get(1).names()).containsEntry("es", "Consulta 2");
        Screenshots.save(scene, "admin-rooms.png");
    }

    @Test
    void aDoctorsWeekIsSavedAndAnOverlapIsShownOnTheBlockItNames(FxRobot robot) throws Exception {
        openAdmin(robot);
        openScreen("schedules");
        javafx.scene.control.ComboBox<String> doctor = admin.lookup("#scheduleDoctor");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> doctor.getItems().contains("doctor")));
        WaitForAsyncUtils.asyncFx(() -> doctor.setValue("doctor")).get(5, TimeUnit.SECONDS);
        javafx.scene.control.Button remove = admin.lookup("#removeBlockButton");
        assertThat(onFx(remove::isDisabled).call()).as("Remove block with no block chosen").isTrue();
        type("#blockStart", "09:00");
        type("#blockEnd", "12:00");
        type("#blockSlotMinutes", "20");
        robot.clickOn("#addBlockButton");
        type("#blockStart", "11:00");
        type("#blockEnd", "14:00");
        robot.clickOn("#addBlockButton");
        robot.clickOn("#saveScheduleButton");
        waitText("#blockStartError", "overlaps the block from 09:00 to 12:00 on the same day.");
        javafx.scene.control.ListView<?> blocks = admin.lookup("#scheduleBlocks");
        assertThat(onFx(() -> blocks.getSelectionModel().getSelectedIndex()).call()).isEqualTo(1);
        Screenshots.save(scene, "admin-schedules-refused.png");

        robot.clickOn("#removeBlockButton");
        assertThat(onFx(remove::isDisabled).call()).as("Remove block once the chosen one went").isTrue();
        robot.clickOn("#saveScheduleButton");
        waitText("#scheduleDone", "Weekly schedule of doctor saved.");
        assertThat(adminClient().schedule(1, "doctor").weekly()).hasSize(1);
        Screenshots.save(scene, "admin-schedules.png");
    }

    @Test
    void staffAreCreatedDisabledAfterAQuestionAndAShortPasswordIsShownUnderThePassword(FxRobot robot) throws Exception {
        openAdmin(robot);
        openScreen("users");
        TableView<UserDto> table = admin.lookup("#usersTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 4));
        type("#username", "ana.garcia");
        type("#password", "short");
        robot.clickOn("#roleDoctor");
        robot.clickOn("#createUserButton");
        waitText("#passwordError", "use at least 10 characters.");
        Screenshots.save(scene, "admin-users-refused.png");
        type("#password", "a-long-password");
        robot.clickOn("#createUserButton");
        waitText("#createUserDone", "User ana.garcia created.");
        assertThat(adminClient().users().stream().filter(u -> u.username().equals("ana.garcia")).findFirst().orElseThrow()
                .roles()).containsExactly(Role.DOCTOR);

        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(table.getItems().size() - 1)).get(5, TimeUnit.SECONDS);
        admin.click("#toggleDisabledButton");
        admin.waitFor("#disableConfirm");
        Screenshots.save(scene, "admin-users-disable-question.png");
        robot.type(KeyCode.ESCAPE); // Esc keeps the user enabled
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !admin.<Node>lookup("#disableConfirm").isVisible()));
        assertThat(adminClient().users().stream().filter(u -> u.username().equals("ana.garcia")).findFirst().orElseThrow()
                .disabled()).as("Esc answered no").isFalse();
        admin.click("#toggleDisabledButton");
        admin.click("#confirmDisableButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().stream()
                .anyMatch(u -> u.username().equals("ana.garcia") && u.disabled())));
        Screenshots.save(scene, "admin-users.png");
    }

    @Test
    void aDeviceTokenShowsOnceWithAQrCodeOfExactlyThatToken(FxRobot robot) throws Exception {
        openAdmin(robot);
        openScreen("devices");
        type("#deviceName", " ");
        robot.clickOn("#registerDeviceButton");
        waitText("#deviceNameError", "give a name of 1 to 60 characters, e.g. 'Entrance kiosk'.");
        Screenshots.save(scene, "admin-devices-refused.png");

        type("#deviceName", "Entrance kiosk");
        robot.clickOn("#registerDeviceButton");
        admin.waitFor("#deviceTokenCard");
        String token = onFx(() -> admin.<TextField>lookup("#deviceToken").getText()).call();
        assertThat(token).startsWith("qdd_");
        Image qr = onFx(() -> admin.<ImageView>lookup("#deviceTokenQr").getImage()).call();
        assertThat(onFx(() -> modulesOf(qr)).call()).isEqualTo(modulesOf(QrCode.encodeText(token, QrCode.Ecc.MEDIUM)));
        Screenshots.save(scene, "admin-devices-token.png");
        // the token is the kiosk's: it signs in as a kiosk
        var kiosk = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), new TokenStore(AdminDesk.CLOCK),
                Duration.ofSeconds(5));
        kiosk.tokens().store(new TokenResponse(token, null, 3600, "kiosk", List.of()));
        assertThat(kiosk.me().roles()).containsExactly(Role.KIOSK);

        admin.click("#dismissTokenButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !admin.<Node>lookup("#deviceTokenCard").isVisible()));
        assertThat(onFx(() -> admin.<TextField>lookup("#deviceToken").getText()).call()).isEmpty();

        TableView<org.queuedesk.common.auth.DeviceDto> table = admin.lookup("#devicesTable");
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(d -> d.name().equals("Entrance kiosk")).findFirst().orElseThrow())).get(5, TimeUnit.SECONDS);
        admin.click("#revokeButton");
        admin.click("#confirmRevokeButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().stream()
                .anyMatch(d -> d.name().equals("Entrance kiosk") && d.revokedAt() != null)));
        Screenshots.save(scene, "admin-devices.png");
    }

    @Test
    void siteSettingsAreSavedAndABadRegionIsShownUnderTheRegion(FxRobot robot) throws Exception {
        openAdmin(robot);
        openScreen("settings");
        TextField zone = admin.lookup("#timeZone");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !zone.getText().isEmpty()));
        assertThat(onFx(zone::getText).call()).isEqualTo(adminClient().site(1).timeZone());
        TextField grace = admin.lookup("#graceMinutes");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> grace.getText().equals("15")));
        type("#phoneRegion", "Spain");
        robot.type(KeyCode.ENTER); // Save is the default button
        waitText("#phoneRegionError", "use a two-letter country code such as ES, GB or US.");
        Screenshots.save(scene, "admin-settings-refused.png");
        type("#phoneRegion", "ES");
        type("#graceMinutes", "20");
        robot.type(KeyCode.ENTER);
        waitText("#settingsDone", "Demo clinic saved.".replace("Demo clinic", adminClient().site(1).name()));
        assertThat(adminClient().smsSettings(1).phoneRegion()).isEqualTo("ES");
        assertThat(adminClient().appointmentSettings(1).graceMinutes()).isEqualTo(20);
        Screenshots.save(scene, "admin-settings.png");
    }

    @Test
    void aServicesPrefixChangesAndAPrefixAnotherServiceHasIsShownUnderThePrefix(FxRobot robot) throws Exception {
        openAdmin(robot);
        TableView<ServiceDto> table = admin.lookup("#servicesTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().size() == 3));
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        TextField prefix = admin.lookup("#editPrefix");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> prefix.getText().equals("A")));
        type("#editPrefix", "b");
        press("#saveServiceButton");
        waitText("#editPrefixError", "another service of this site already has the prefix 'B'; choose one no other service uses.");
        Screenshots.save(scene, "admin-services-prefix-refused.png");

        type("#editPrefix", "GP");
        type("#editAlmostTurn", "4");
        press("#saveServiceButton");
        waitText("#editServiceDone", "General practice saved.");
        var saved = adminClient().services(1).stream().filter(s -> s.name().equals("General practice")).findFirst()
                .orElseThrow();
        assertThat(saved.prefix()).isEqualTo("GP");
        assertThat(saved.almostTurnPosition()).isEqualTo(4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> table.getItems().stream()
                .anyMatch(s -> s.prefix().equals("GP"))));
        Screenshots.save(scene, "admin-services-prefix.png");
    }

    @Test
    void aNewTimeZoneIsRefusedUnderItWhileTicketsWaitAndTheRetentionIsSaved(FxRobot robot) throws Exception {
        var client = adminClient();
        String zoneBefore = client.site(1).timeZone();
        client.issue(new org.queuedesk.common.ticket.IssueTicketRequest(client.services(1).get(0).id(), null, null, null,
                null, null), null);
        openAdmin(robot);
        openScreen("settings");
        TextField zone = admin.lookup("#timeZone");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !zone.getText().isEmpty()));
        Label hint = admin.lookup("#retentionHint");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> hint.getText().contains("30 days")));
        type("#timeZone", "Europe/Lisbon");
        robot.type(KeyCode.ENTER);
        Label zoneError = admin.lookup("#timeZoneError");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> zoneError.isVisible()
                && zoneError.getText().startsWith("cannot change while")));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "admin-settings-zone-refused.png");
        // the whole refusal would wrap to more than two lines under the field: two show, the rest is its tooltip
        double line = onFx(() -> lineHeight(zoneError, "Ag")).call();
        double whole = onFx(() -> {
            var text = new javafx.scene.text.Text(zoneError.getText());
            text.setFont(zoneError.getFont());
            text.setWrappingWidth(zoneError.getWidth() - zoneError.snappedLeftInset() - zoneError.snappedRightInset());
            return text.getLayoutBounds().getHeight();
        }).call();
        assertThat(whole).as("the refusal is longer than two lines here").isGreaterThan(2.5 * line);
        assertThat(onFx(zoneError::getHeight).call()).as("two lines at most").isLessThan(2.5 * line
                + onFx(() -> zoneError.snappedTopInset() + zoneError.snappedBottomInset()).call());
        assertThat(onFx(() -> zoneError.getTooltip() == null ? null : zoneError.getTooltip().getText()).call())
                .isEqualTo(onFx(zoneError::getText).call());

        type("#timeZone", zoneBefore);
        type("#retentionDays", "7");
        robot.type(KeyCode.ENTER);
        waitText("#settingsDone", client.site(1).name() + " saved.");
        assertThat(client.siteSettings(1).retentionDays()).isEqualTo(7);
        assertThat(onFx(zoneError::isVisible).call()).isFalse();
        Screenshots.save(scene, "admin-settings-retention.png");
    }

    @Test
    void theAuditLogIsFilteredByWhoAndWhat(FxRobot robot) throws Exception {
        openAdmin(robot);
        openScreen("audit");
        TableView<org.queuedesk.desktop.api.AuditEntry> table = admin.lookup("#auditTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !table.getItems().isEmpty()));
        type("#auditWhat", "sign-in");
        type("#auditWho", "admin");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(() -> !table.getItems().isEmpty() && table.getItems().stream()
                .allMatch(e -> e.actor().equals("admin") && e.action().contains("sign-in"))));
        Screenshots.save(scene, "admin-audit.png");
    }

    /** The height of one line of text in the label's font. */
    private static double lineHeight(Label label, String sample) {
        var text = new javafx.scene.text.Text(sample);
        text.setFont(label.getFont());
        return text.getLayoutBounds().getHeight();
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
