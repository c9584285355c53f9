package org.queuedesk.desktop.app;

import java.time.Clock;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.api.QueueDeskClient;
import org.queuedesk.desktop.login.AddressMemory;
import org.queuedesk.desktop.ground.FxBackgroundExecutor;
import org.queuedesk.desktop.ground.Mode;
import org.queuedesk.desktop.live.ConnectionViewModel;
import org.queuedesk.desktop.api.ReconnectPolicy;
import org.queuedesk.desktop.ground.Theme;

/**
 * The desktop app. Wires everything by hand: no locator, no static state. Starts at sign-in; the mode
 * comes from {@code --mode=reception|doctor|kiosk|display} when the user may use it, else from the start
 * screen (or directly when the user's roles allow only one).
 */
public final class QueueDeskApp extends Application {

    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private AppShell shell;
    private Stage stage;
    private WindowMemory window;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.from(getParameters().getNamed());
        options.warnings().forEach(System.err::println);
        ResourceBundle messages = Theme.messages(options.locale());
        DefaultExceptionHandler errors = new DefaultExceptionHandler(messages);
        Thread.setDefaultUncaughtExceptionHandler(errors);
        Thread.currentThread().setUncaughtExceptionHandler(errors);

        background = new FxBackgroundExecutor(2);
        scheduler = Executors.newSingleThreadScheduledExecutor(FxBackgroundExecutor.daemonThreads("queuedesk-scheduler-"));
        ConnectionViewModel connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(),
                ReconnectPolicy.DEFAULT, messages);
        boolean serverGiven = getParameters().getNamed().containsKey("server");
        AddressMemory remembered = AddressMemory.userPreferences();
        String defaultServer = serverGiven ? options.server() : remembered.lastAddress().orElse(options.server());
        var context = new AppShell.Context(background, scheduler, ReconnectPolicy.DEFAULT, messages, Clock.systemUTC(),
                QueueDeskClient.defaultHttp(), serverGiven ? AddressMemory.inMemory() : remembered, Platform::runLater,
                defaultServer, options.mode());
        shell = new AppShell(context, connection);
        shell.useDevices(DeviceOptions.from(options), Platform::exit);
        // a kiosk or display started with its device token skips sign-in and owns the whole screen
        Optional<Mode> deviceMode = options.mode().filter(Mode::fullScreen).filter(mode -> options.deviceToken().isPresent());
        if (deviceMode.isPresent()) {
            stage.initStyle(StageStyle.UNDECORATED);
        } else {
            shell.showSignIn();
        }

        Scene scene = new Scene(shell.root(), 1366, 768);
        Theme.apply(scene);
        stage.setTitle(messages.getString("app.title"));
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        stage.setScene(scene);
        boolean fullScreen = options.mode().map(Mode::fullScreen).orElse(false);
        if (!fullScreen) {
            // a desk opens where it was left, or maximised the first time: never at 1366×768 on a big screen
            window = WindowMemory.userPreferences();
            window.restore(stage);
        }
        if (deviceMode.isPresent()) {
            // locked before the first show: JavaFX takes the exit key and hint when it enters full screen
            KioskLockdown.apply(stage);
        } else {
            stage.setFullScreen(fullScreen);
        }
        this.stage = stage;
        stage.show();
        deviceMode.ifPresent(mode -> shell.startAsDevice(mode, options.deviceToken().orElseThrow()));
        if (Boolean.getBoolean("queuedesk.exitWhenShown")) {
            // start-up benchmark: the first frame is on screen and the sign-in screen takes input
            Platform.runLater(() -> {
                System.out.println("QUEUEDESK_READY " + System.currentTimeMillis());
                Platform.exit();
            });
        }
    }

    @Override
    public void stop() {
        if (window != null && stage != null) {
            window.remember(stage);
        }
        if (shell != null) {
            shell.stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (background != null) {
            background.close();
        }
    }
}
