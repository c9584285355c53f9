package org.queuedesk.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuedesk.desktop.testing.Screenshots;
import org.queuedesk.desktop.testing.ShellHarness;
import org.queuedesk.server.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.queuedesk.desktop.ground.Mode;

/**
 * Issue 9 item 2: a kiosk and a display leave full screen only through the staff PIN. Esc, Alt+F4, the window's
 * close request and any other way out of full screen leave them where they were; no "Press ESC to exit
 * full-screen mode" hint covers the screen. The stage starts full screen before the device screen opens, as
 * the app does with {@code --mode=kiosk}: JavaFX keeps the exit key it had when it entered full screen.
 */
@ExtendWith(ApplicationExtension.class)
class DeviceLockdownIT {

    private static final Clock CLOCK = Clock.systemUTC();

    private final TestServer server = TestServer.startDemoWithSignIn(CLOCK);
    private final ShellHarness app = ShellHarness.against(server.baseUrl()).clock(CLOCK);
    private final AtomicInteger quits = new AtomicInteger();
    private Stage stage;
    private ShellHarness.OnScreen device;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
        server.close();
    }

    private void startAs(Mode mode, String deviceToken) throws Exception {
        device = app.startDeviceInFullScreen(stage, mode, deviceToken, new DeviceOptions("2468", "none", false,
                Locale.ENGLISH, Duration.ofSeconds(60), Duration.ofSeconds(30)), quits::incrementAndGet);
    }

    @Test
    void escNeverTakesTheKioskOutOfFullScreenNorOutOfThePatientsStep(FxRobot robot) throws Exception {
        startAs(Mode.KIOSK, "qdd_demo-kiosk");
        device.waitFor("#language-en");
        assertLockedWithoutHint();
        device.click("#language-en");
        device.waitFor("#service-A");
        List<Boolean> fullScreenChanges = watchFullScreen();

        robot.type(KeyCode.ESCAPE);
        robot.press(KeyCode.ALT).press(KeyCode.F4).release(KeyCode.F4).release(KeyCode.ALT);
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(stage::isFullScreen).call()).as("still full screen").isTrue();
        assertThat(fullScreenChanges).as("never left full screen, not even for a moment").isEmpty();
        assertThat(onFx(stage::isShowing).call()).isTrue();
        assertThat(onFx(() -> device.root().lookup("#kioskService") != null).call())
                .as("still on the patient's service step").isTrue();
        assertThat(quits).hasValue(0);
        Screenshots.save(device.scene(), "kiosk-after-escape.png");
    }

    @Test
    void escNeverTakesTheDisplayOutOfFullScreenAndOnlyThePinLeavesIt(FxRobot robot) throws Exception {
        startAs(Mode.DISPLAY, "qdd_demo-display");
        device.waitFor("#displayRoot");
        assertLockedWithoutHint();
        List<Boolean> fullScreenChanges = watchFullScreen();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(stage::isFullScreen).call()).as("still full screen").isTrue();
        assertThat(fullScreenChanges).as("never left full screen, not even for a moment").isEmpty();
        assertThat(onFx(stage::isShowing).call()).isTrue();
        assertThat(onFx(() -> device.root().lookup("#currentRows") != null).call()).as("still the board").isTrue();

        // staff: Ctrl+Shift+K, a wrong PIN, then the right one
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
        Node pad = onFx(() -> device.root().lookup("#pinDots")).call();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(pad::isVisible));
        for (char digit : "1111".toCharArray()) {
            device.click("#pin-" + digit);
        }
        device.click("#pin-ok");
        assertThat(device.text("#pinError")).isEqualTo("Wrong PIN");
        Screenshots.save(device.scene(), "display-pin.png");
        assertThat(quits).hasValue(0);
        for (char digit : "2468".toCharArray()) {
            device.click("#pin-" + digit);
        }
        device.click("#pin-ok");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> quits.get() == 1);
        assertThat(onFx(() -> KioskLockdown.isLocked(stage)).call()).isFalse();
        assertThat(onFx(stage::isFullScreen).call()).isFalse();
    }

    @Test
    void leavingFullScreenAnyOtherWayEntersItAgain() throws Exception {
        startAs(Mode.KIOSK, "qdd_demo-kiosk");
        device.waitFor("#language-en");

        WaitForAsyncUtils.asyncFx(() -> stage.setFullScreen(false)).get(5, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, onFx(stage::isFullScreen));
        assertLockedWithoutHint();
    }

    /** Every change of the stage's full-screen state from now on (the lockdown re-enters: that would hide one). */
    private List<Boolean> watchFullScreen() throws Exception {
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> stage.fullScreenProperty().addListener((o, was, now) -> changes.add(now)))
                .get(5, TimeUnit.SECONDS);
        return changes;
    }

    private void assertLockedWithoutHint() throws Exception {
        assertThat(onFx(stage::isFullScreen).call()).isTrue();
        assertThat(onFx(stage::getFullScreenExitKeyCombination).call()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(onFx(stage::getFullScreenExitHint).call()).isEmpty();
    }
}
