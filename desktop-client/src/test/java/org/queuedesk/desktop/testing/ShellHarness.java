package org.queuedesk.desktop.testing;

import static org.queuedesk.desktop.testing.Screenshots.onFx;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.app.AppShell;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.app.DeviceOptions;
import org.queuedesk.desktop.ground.FxBackgroundExecutor;
import org.queuedesk.desktop.app.KioskLockdown;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;
import org.queuedesk.desktop.login.AddressMemory;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desktop app (an {@link AppShell} on the real background executor and a scheduler) shown on a
 * TestFX stage against one server address, as the launcher builds it: the UI ITs keep only what is theirs.
 * Set it up with the withers, show a staff window or start a device, and {@link #close()} it in
 * {@code @AfterEach} (before closing the server). Several windows share its executors, as in the app.
 */
public final class ShellHarness implements AutoCloseable {

    /** Reconnects within a second, so a test that stops the server sees the banner, and the return, quickly. */
    public static final ReconnectPolicy FAST =
            new ReconnectPolicy(Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(800));

    private final String serverAddress;
    private Clock clock = Clock.systemUTC();
    private ResourceBundle messages = Theme.messages(Locale.ENGLISH);
    private ReconnectPolicy policy = FAST;
    private int backgroundThreads = 3;
    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private final List<AppShell> shells = new ArrayList<>();
    private final List<Stage> lockableStages = new ArrayList<>();

    private ShellHarness(String serverAddress) {
        this.serverAddress = serverAddress;
    }

    /** The app pointed at this address (a TestServer's base URL; it stays the same across its restarts). */
    public static ShellHarness against(String serverAddress) {
        return new ShellHarness(serverAddress);
    }

    public ShellHarness clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The staff's language (the app's messages); English unless set. */
    public ShellHarness language(Locale language) {
        this.messages = Theme.messages(language);
        return this;
    }

    public ShellHarness policy(ReconnectPolicy policy) {
        this.policy = policy;
        return this;
    }

    public ShellHarness backgroundThreads(int threads) {
        this.backgroundThreads = threads;
        return this;
    }

    /** A staff window at its sign-in screen on this stage. Call it on the FX thread (from {@code @Start}). */
    public OnScreen showSignIn(Stage stage) {
        OnScreen app = build(stage, Optional.empty(), null, null);
        app.shell().showSignIn();
        return app;
    }

    /** The staff window of a machine that also runs devices (its kiosk printer, its PIN). On the FX thread. */
    public OnScreen showSignIn(Stage stage, DeviceOptions devices, Runnable quitApp) {
        OnScreen app = build(stage, Optional.empty(), devices, quitApp);
        app.shell().showSignIn();
        return app;
    }

    /** A second staff window in front of the first (the consulting room beside the reception). Test thread. */
    public OnScreen showSignInInNewWindow() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Stage second = new Stage();
            OnScreen app = build(second, Optional.empty(), null, null);
            second.toFront();
            app.shell().showSignIn();
            return app;
        }).get(10, TimeUnit.SECONDS);
    }

    /** A kiosk or display as its launcher starts it ({@code --mode}, device token). Call from the test thread. */
    public OnScreen startDevice(Stage stage, Mode mode, String deviceToken, DeviceOptions devices, Runnable quitApp)
            throws Exception {
        return startDevice(stage, mode, deviceToken, devices, quitApp, false);
    }

    /**
     * The same with the stage already full screen with JavaFX's defaults (Esc, and its hint) before the device
     * screen takes over, as the app does with {@code --mode=kiosk}.
     */
    public OnScreen startDeviceInFullScreen(Stage stage, Mode mode, String deviceToken, DeviceOptions devices,
                                            Runnable quitApp) throws Exception {
        return startDevice(stage, mode, deviceToken, devices, quitApp, true);
    }

    private OnScreen startDevice(Stage stage, Mode mode, String deviceToken, DeviceOptions devices, Runnable quitApp,
                                 boolean fullScreenFirst) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            OnScreen app = build(stage, Optional.of(mode), devices, quitApp);
            if (fullScreenFirst) {
                stage.setFullScreen(true); // after show: Monocle enters full screen only on a focused window
            }
            app.shell().startAsDevice(mode, deviceToken);
            return app;
        }).get(30, TimeUnit.SECONDS);
    }

    private OnScreen build(Stage stage, Optional<Mode> mode, DeviceOptions devices, Runnable quitApp) {
        if (background == null) {
            background = new FxBackgroundExecutor(backgroundThreads);
            scheduler = Executors.newSingleThreadScheduledExecutor(
                    FxBackgroundExecutor.daemonThreads("test-scheduler-"));
        }
        var connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(), policy, messages);
        var context = new AppShell.Context(background, scheduler, policy, messages, clock, HttpClient.newHttpClient(),
                AddressMemory.inMemory(), Platform::runLater, serverAddress, mode);
        AppShell shell = new AppShell(context, connection);
        shells.add(shell);
        if (devices != null) {
            shell.useDevices(devices, quitApp);
            lockableStages.add(stage);
        }
        Scene scene = new Scene(shell.root(), 1366, 768);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        return new OnScreen(shell, scene, stage);
    }

    /** Stops every window's shell, lets device stages out of their lockdown, and ends the executors. */
    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            shells.forEach(AppShell::stop);
            lockableStages.forEach(KioskLockdown::release);
        }).get(5, TimeUnit.SECONDS);
        if (background != null) {
            scheduler.shutdownNow();
            background.close();
        }
    }

    /** A node of the scene read on the FX thread (null when absent). */
    @SuppressWarnings("unchecked")
    public static <T> T find(Parent root, String id) {
        try {
            return (T) WaitForAsyncUtils.asyncFx(() -> root.lookup(id)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot look up " + id, e);
        }
    }

    /** One window of the app: its shell, its scene and the stage it is on, with the sign-in steps a person takes. */
    public record OnScreen(AppShell shell, Scene scene, Stage stage) {

        public Parent root() {
            return scene.getRoot();
        }

        /** Signs in through the screen, then picks the mode when the user has more than one. */
        public void signIn(FxRobot robot, String user, String password, String modeButton) throws Exception {
            fillSignIn(user, password);
            if (submitSignIn(robot)) {
                chooseMode(robot, modeButton);
            }
        }

        /** Types the user and password into the sign-in screen once it shows. */
        public void fillSignIn(String user, String password) throws Exception {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> root().lookup("#usernameField") != null));
            Parent root = root();
            WaitForAsyncUtils.asyncFx(() -> {
                ((TextField) root.lookup("#usernameField")).setText(user);
                ((TextField) root.lookup("#passwordField")).setText(password);
            }).get(5, TimeUnit.SECONDS);
        }

        /**
         * Clicks Sign in once it is enabled (it waits for the server check and the fields: an earlier click is
         * lost); true when the mode picker shows, false when the user's only desk does.
         */
        public boolean submitSignIn(FxRobot robot) throws Exception {
            Parent root = root();
            Button signIn = find(root, "#signInButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !signIn.isDisabled()));
            robot.clickOn(signIn);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    onFx(() -> root.lookup("#modePicker") != null || root.lookup("#root") != null));
            return onFx(() -> root.lookup("#modePicker") != null).call();
        }

        /** Clicks the node with this id once it shows and is enabled (a click on a disabled one is lost). */
        public void click(String id) throws Exception {
            waitFor(id);
            Node node = lookup(id);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> !node.isDisabled() && node.isVisible()));
            new FxRobot().clickOn(node);
            WaitForAsyncUtils.waitForFxEvents();
        }

        /** Waits up to 10 s for the node with this id to show. */
        public void waitFor(String id) throws Exception {
            waitFor(id, 10);
        }

        /** Waits for the node with this id to show; when it does not, the screen is saved to see what showed. */
        public void waitFor(String id, int seconds) throws Exception {
            try {
                WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, onFx(() -> {
                    Node node = root().lookup(id);
                    return node != null && node.isVisible();
                }));
            } catch (TimeoutException e) {
                Screenshots.save(scene, "failed-waiting-for-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".png");
                throw new AssertionError("Timed out waiting for " + id, e);
            }
        }

        /** The node with this id on the current screen; an assertion error when there is none. */
        @SuppressWarnings("unchecked")
        public <T> T lookup(String id) throws Exception {
            Parent root = onFx(scene::getRoot).call();
            T node = (T) onFx(() -> root.lookup(id)).call();
            if (node == null) {
                throw new AssertionError("no " + id + " on screen");
            }
            return node;
        }

        /** The text of the label (or button) with this id. */
        public String text(String id) throws Exception {
            Labeled labeled = lookup(id);
            return onFx(labeled::getText).call();
        }

        /** Clicks a mode on the mode picker and waits for its desk. */
        public void chooseMode(FxRobot robot, String modeButton) throws Exception {
            Parent root = root();
            robot.clickOn((Node) find(root, modeButton));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, onFx(() -> root.lookup("#root") != null));
        }
    }
}
