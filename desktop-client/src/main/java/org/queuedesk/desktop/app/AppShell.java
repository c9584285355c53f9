package org.queuedesk.desktop.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.queuedesk.common.Role;
import org.queuedesk.common.auth.TokenResponse;
import org.queuedesk.desktop.admin.AdminView;
import org.queuedesk.desktop.admin.AdminViewModel;
import org.queuedesk.desktop.api.EventStreamClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.api.TokenStore;
import org.queuedesk.desktop.display.CallAnnouncer;
import org.queuedesk.desktop.display.DisplayView;
import org.queuedesk.desktop.display.DisplayViewModel;
import org.queuedesk.desktop.appointment.AppointmentsView;
import org.queuedesk.desktop.appointment.AppointmentsViewModel;
import org.queuedesk.desktop.doctor.DoctorView;
import org.queuedesk.desktop.kiosk.FxKioskTimers;
import org.queuedesk.desktop.kiosk.KioskSettings;
import org.queuedesk.desktop.kiosk.KioskView;
import org.queuedesk.desktop.kiosk.KioskViewModel;
import org.queuedesk.desktop.kiosk.ServerKioskBackend;
import org.queuedesk.desktop.kiosk.print.TicketPrinters;
import org.queuedesk.desktop.doctor.DoctorViewModel;
import org.queuedesk.desktop.live.LiveSite;
import org.queuedesk.desktop.live.TicketText;
import org.queuedesk.desktop.login.AddressMemory;
import org.queuedesk.desktop.login.SignInResult;
import org.queuedesk.desktop.login.SignInView;
import org.queuedesk.desktop.login.SignInViewModel;
import org.queuedesk.desktop.login.SignedInUser;
import org.queuedesk.desktop.reception.ReceptionView;
import org.queuedesk.desktop.reception.ReceptionViewModel;
import org.queuedesk.desktop.start.StartView;
import org.queuedesk.desktop.start.StartViewModel;
import org.queuedesk.desktop.ground.BackgroundExecutor;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.ground.ServerAddress;
import org.queuedesk.desktop.ground.StaffPin;
import org.queuedesk.desktop.ground.UiTimer;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;

/**
 * Wires the screens by hand and moves between them: sign-in, then the mode the user's roles allow (or
 * the start screen when there is a choice), then the desk. The app and the UI tests build it the same way.
 */
public final class AppShell {

    /** Everything the screens need from outside; tests pass short backoffs and an in-memory address. */
    public record Context(BackgroundExecutor background, ScheduledExecutorService scheduler, ReconnectPolicy policy,
                          ResourceBundle messages, Clock clock, HttpClient http, AddressMemory memory,
                          Executor fxThread, String defaultServer, Optional<Mode> launchMode) {
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AppShell.class.getName());
    private final Context context;
    private final ConnectionViewModel connection;
    private final ShellViewModel shellModel;
    private final ShellView shell;
    private final TokenStore tokens;
    private SignedInUser user;
    private QueueDeskClient client;
    private LiveSite live;
    private Optional<Mode> pendingMode;
    private Mode currentMode;
    private Object currentScreen;
    private org.queuedesk.desktop.admin.ReportFiles reportFiles;
    // a doctor's open session per user, so signing in again (same app) goes straight back to it
    private final Map<String, Long> openSessions = new HashMap<>();
    // kiosk and display: they take over the window until staff leave them
    private DeviceOptions devices = DeviceOptions.defaults();
    private Runnable quit = () -> { };
    private boolean deviceOnly;
    private Runnable stopDeviceScreen;
    private Runnable leaveDeviceScreen;

    public AppShell(Context context, ConnectionViewModel connection) {
        this.context = context;
        this.connection = connection;
        this.tokens = new TokenStore(context.clock());
        this.pendingMode = context.launchMode();
        this.shellModel = new ShellViewModel(connection);
        this.shellModel.setActions(this::signOut, this::showModes, this::signInAgain);
        this.shell = ShellView.load(shellModel, context.messages());
        // every screen of the shell (sign-in, modes, reception, doctor) mirrored in Arabic, which reads right to left
        shell.root().setNodeOrientation(Theme.orientation(context.messages()));
        // a request or the stream found the refresh token refused: the desk stops and asks to sign in again
        tokens.whenSignInEnds(() -> context.fxThread().execute(() -> {
            if (live != null) {
                live.signInEnded();
            }
        }));
    }

    public Parent root() {
        return shell.root();
    }

    public void showSignIn() {
        shellModel.signedInProperty().set(false);
        shellModel.canChangeModeProperty().set(false);
        shellModel.userTextProperty().set("");
        shellModel.screenTitleProperty().set(text("signin.title"));
        var viewModel = new SignInViewModel(context.background(), connection, context.memory(),
                address -> new QueueDeskClient(context.http(), address, tokens, Duration.ofSeconds(5)),
                this::signedIn, context.messages(), context.defaultServer());
        currentScreen = viewModel;
        shell.show(SignInView.load(viewModel, context.messages()));
        viewModel.checkServer();
    }

    private void signedIn(SignInResult result) {
        this.user = result.user();
        this.client = result.client();
        // one session for the desk's requests and its live stream: one refresh at a time, one end of the sign-in
        var stream = new EventStreamClient(context.http(), client.session(), context.scheduler(),
                context.policy(), context.fxThread());
        this.live = new LiveSite(client, stream, context.background(), connection.serverReachableProperty(),
                context.messages());
        connection.follow(live.statusProperty());
        live.start();
        shellModel.signedInProperty().set(user.signInRequired());
        shellModel.userTextProperty().set(user.signInRequired()
                ? MessageFormat.format(context.messages().getString("shell.user"), user.name())
                : context.messages().getString("shell.noSignIn"));
        List<Mode> allowed = user.allowedModes();
        Optional<Mode> wanted = pendingMode.filter(user::may);
        pendingMode = Optional.empty();
        if (wanted.isPresent()) {
            open(wanted.get());
        } else if (allowed.size() == 1) {
            open(allowed.get(0));
        } else {
            showModes();
        }
    }

    public void showModes() {
        if (user == null) {
            showSignIn();
            return;
        }
        if (live != null) {
            live.leaveScreen();
        }
        shellModel.canChangeModeProperty().set(false);
        shellModel.screenTitleProperty().set(text("start.modes.title"));
        var viewModel = new StartViewModel(user.allowedModes(), this::open, context.messages());
        currentScreen = viewModel;
        shell.show(StartView.load(viewModel, context.messages()));
    }

    public void open(Mode mode) {
        currentMode = mode;
        shellModel.canChangeModeProperty().set(user.allowedModes().size() > 1);
        shellModel.screenTitleProperty().set(text(mode.messageKey()));
        TicketText words = new TicketText(context.messages(), context.clock());
        if (live != null) {
            live.leaveScreen(); // the screen shown so far stops listening; this one adds its own
        }
        if (live != null && mode != Mode.ADMIN) {
            live.followSite(null); // the desks work at the server's first site, whichever one admin mode chose
        }
        switch (mode) {
            case RECEPTION -> {
                var viewModel = new ReceptionViewModel(live, context.background(), words);
                currentScreen = viewModel;
                var appointments = new AppointmentsViewModel(live, context.background(), words);
                shell.show(ReceptionDesk.of(ReceptionView.load(viewModel, context.messages()),
                        AppointmentsView.load(appointments, context.messages()), context.messages()));
            }
            case DOCTOR -> {
                var viewModel = new DoctorViewModel(live, context.background(), words, user.name(),
                        user.roles().contains(Role.ADMIN));
                currentScreen = viewModel;
                shell.show(DoctorView.load(viewModel, context.messages()));
                String name = user.name();
                viewModel.sessionProperty().addListener((o, before, now) -> {
                    if (now != null) {
                        openSessions.put(name, now.id());
                    } else if (before != null) {
                        openSessions.remove(name, before.id());
                    }
                });
                viewModel.resumeOpenSession(openSessions.get(name));
            }
            case KIOSK -> openKiosk();
            case DISPLAY -> openDisplay();
            case ADMIN -> {
                var viewModel = new AdminViewModel(client, context.background(), context.messages(), context.clock(),
                        org.queuedesk.desktop.ground.UiTimer.fx());
                viewModel.follow(live);
                currentScreen = viewModel;
                shell.show(reportFiles == null ? AdminView.load(viewModel, context.messages())
                        : AdminView.load(viewModel, context.messages(), reportFiles));
                viewModel.start();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    /** The signed-in desk's live site, shared by its screens; null before sign-in (tests: what a screen leaves). */
    public LiveSite liveSite() {
        return live;
    }

    /** Where admin mode saves an exported report instead of asking with the system's dialog (TestFX tests). */
    public void useReportFiles(org.queuedesk.desktop.admin.ReportFiles files) {
        this.reportFiles = files;
    }

    /** Kiosk and display settings, and how to quit the app when a device-only kiosk is left with the PIN. */
    public void useDevices(DeviceOptions options, Runnable quitApp) {
        this.devices = options;
        this.quit = quitApp;
    }

    /**
     * Starts straight as a kiosk or display signed in with its device token (no sign-in screen, no start
     * screen). Call it once the shell's root is in a scene.
     */
    public void startAsDevice(Mode mode, String deviceToken) {
        URI address = ServerAddress.parse(context.defaultServer()).orElseThrow(
                () -> new IllegalArgumentException("Not a server address: " + context.defaultServer()));
        // a device token does not expire; it is revoked on the server instead
        tokens.store(new TokenResponse(deviceToken, null, DEVICE_TOKEN_SECONDS, mode.id(), List.of()));
        client = new QueueDeskClient(context.http(), address, tokens, Duration.ofSeconds(5));
        user = new SignedInUser(mode.id(), java.util.Set.of(mode == Mode.KIOSK ? Role.KIOSK : Role.DISPLAY), true);
        deviceOnly = true;
        connection.connect(address);
        open(mode);
    }

    private static final long DEVICE_TOKEN_SECONDS = 10L * 365 * 24 * 3600;

    private void openKiosk() {
        var settings = KioskSettings.defaults(devices.kioskPin()).withTimes(devices.kioskIdle(), devices.kioskConfirmation());
        var viewModel = new KioskViewModel(context.background(), new ServerKioskBackend(client),
                TicketPrinters.from(devices.printer()), new FxKioskTimers(), settings, Theme::messages, context.clock(),
                connection.bannerVisibleProperty(), this::leaveDeviceScreen);
        currentScreen = viewModel;
        showDeviceScreen(KioskView.load(viewModel, context.messages()).root(), viewModel::stop);
        viewModel.load();
    }

    private void openDisplay() {
        var stream = new EventStreamClient(context.http(), client.session(), context.scheduler(), context.policy(),
                context.fxThread());
        var announcer = new CallAnnouncer(devices.speak(), devices.displayLanguage(), text("display.speech"));
        var viewModel = new DisplayViewModel(context.background(), client, stream, connection.serverReachableProperty(),
                announcer, context.clock(), UiTimer.fx(), context.messages().getLocale());
        currentScreen = viewModel;
        var pin = new StaffPin(devices.kioskPin(), context.clock(), context.messages(), this::leaveDeviceScreen);
        showDeviceScreen(DisplayView.load(viewModel, context.messages(), context.clock(), pin).root(), viewModel::stop);
        viewModel.start();
    }

    private void showDeviceScreen(Parent screen, Runnable stopScreen) {
        Scene scene = shell.root().getScene();
        stopDeviceScreen = stopScreen;
        if (scene == null) {
            shell.show(screen);
            leaveDeviceScreen = () -> { };
            return;
        }
        if (screen.getNodeOrientation() == javafx.geometry.NodeOrientation.INHERIT) {
            screen.setNodeOrientation(Theme.orientation(context.messages())); // the kiosk sets its patient's own
        }
        scene.setRoot(screen);
        // a kiosk and a display alike: only the staff PIN leaves full screen
        KioskLockdown.apply(scene.getWindow());
        leaveDeviceScreen = () -> {
            KioskLockdown.release(scene.getWindow());
            scene.setRoot(shell.root());
        };
    }

    /** Staff typed the PIN: back to the start screen, or out of the app on a device-only kiosk. */
    private void leaveDeviceScreen() {
        if (stopDeviceScreen != null) {
            stopDeviceScreen.run();
            stopDeviceScreen = null;
        }
        if (leaveDeviceScreen != null) {
            leaveDeviceScreen.run();
            leaveDeviceScreen = null;
        }
        if (deviceOnly) {
            quit.run();
        } else {
            showModes();
        }
    }

    /** The server ended the sign-in: sign in again, then straight back to the same desk. */
    private void signInAgain() {
        pendingMode = Optional.ofNullable(currentMode);
        signOut();
    }

    public void signOut() {
        connection.follow(null);
        if (live != null) {
            live.stop();
            live = null;
        }
        if (client != null) {
            var signedOut = client;
            signedOut.signOut().ifPresent(refreshToken -> context.background().run(() -> {
                signedOut.revoke(refreshToken);
                return null;
            }, done -> { }, error -> LOG.log(java.util.logging.Level.INFO, "Sign-out could not reach the server; the "
                    + "session ends when its refresh token expires", error)));
        }
        user = null;
        currentMode = null;
        showSignIn();
    }

    public void stop() {
        if (stopDeviceScreen != null) {
            stopDeviceScreen.run();
            stopDeviceScreen = null;
        }
        if (live != null) {
            live.stop();
        }
        connection.stop();
    }

    /** The view-model of the screen on show, for tests that drive it directly. */
    public Object currentScreen() {
        return currentScreen;
    }

    private String text(String key) {
        return context.messages().getString(key);
    }
}
