package org.queuedesk.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The admin desk on screen against a real demo server (README: one site with services A, B, C and Rooms 1-4; users
 * admin, reception, doctor, nurse): the server, the app's shell in the test's window, and the steps the admin
 * tests all take, held once: sign in as admin, choose Admin, open a screen, type into a field, wait for a text.
 * One per test: {@link #show} from {@code @Start}, {@link #close} from {@code @AfterEach}.
 */
final class AdminDesk implements AutoCloseable {

    static final Clock CLOCK = Clock.systemUTC();

    final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final ShellHarness app;
    private final FxRobot robot = new FxRobot();
    private ShellHarness.OnScreen screen;

    /** In the app's default language (English in the tests). */
    AdminDesk() {
        this(null);
    }

    /** In this language (null: the default). */
    AdminDesk(Locale language) {
        var harness = ShellHarness.against(server.baseUrl()).clock(CLOCK).backgroundThreads(2);
        this.app = language == null ? harness : harness.language(language);
    }

    /** The sign-in screen in the test's window; call it from {@code @Start}. */
    void show(Stage stage) {
        screen = app.showSignIn(stage);
    }

    ShellHarness.OnScreen screen() {
        return screen;
    }

    Scene scene() {
        return screen.scene();
    }

    /** Signs in as admin, chooses Admin and waits for its first screen, the dashboard. */
    void open() throws Exception {
        signInToModes();
        chooseAdmin();
    }

    /** Signs in as admin up to the mode picker (an admin has more than one desk). */
    void signInToModes() throws Exception {
        screen.fillSignIn("admin", "admin");
        assertThat(screen.submitSignIn(robot)).as("the mode picker shows").isTrue();
        screen.waitFor("#adminButton");
    }

    /** Chooses Admin on the mode picker and waits for the list of screens and the first screen, the dashboard. */
    void chooseAdmin() throws Exception {
        screen.chooseMode(robot, "#adminButton");
        screen.waitFor("#adminScreens");
        screen.waitFor("#admin-dashboard");
    }

    /** Opens a screen from the list on the left ({@code services}, {@code reports} ...) and waits for it. */
    void openScreen(String name) throws Exception {
        screen.click("#screen-" + name);
        screen.waitFor("#admin-" + name);
    }

    /** The admin desk's view-model (the shell's current screen). */
    AdminViewModel model() throws Exception {
        return onFx(() -> (AdminViewModel) screen.shell().currentScreen()).call();
    }

    /** Clears the field, then types into it as a person would. */
    void type(String fieldId, String text) throws Exception {
        TextField field = screen.lookup(fieldId);
        WaitForAsyncUtils.asyncFx(field::clear).get(5, TimeUnit.SECONDS);
        robot.clickOn(field).write(text);
    }

    /** Presses a button with the keyboard, which scrolls it into view (a long form's Save may be below the fold). */
    void press(String buttonId) throws Exception {
        Node button = screen.lookup(buttonId);
        WaitForAsyncUtils.asyncFx(button::requestFocus).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.SPACE);
    }

    /** Waits up to 15 s for the label to show this text; when it does not, the screen is saved and the text compared. */
    void waitText(String labelId, String expected) throws Exception {
        Label label = screen.lookup(labelId);
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    onFx(() -> expected.equals(label.getText()) && label.isVisible()));
        } catch (TimeoutException e) {
            Screenshots.save(scene(), "failed-" + labelId.substring(1) + ".png");
            assertThat(onFx(label::getText).call()).as(labelId).isEqualTo(expected);
        }
    }

    /** A client of its own signed in as admin, to check through the API what the screen saved. */
    QueueDeskClient adminClient() throws Exception {
        var client = new QueueDeskClient(HttpClient.newHttpClient(), URI.create(server.baseUrl()), new TokenStore(CLOCK),
                Duration.ofSeconds(5));
        client.login("admin", "admin");
        return client;
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            server.close();
        }
    }
}
