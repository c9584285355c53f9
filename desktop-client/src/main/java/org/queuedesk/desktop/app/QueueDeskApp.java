package org.queuedesk.desktop.app;

import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.queuedesk.desktop.api.HealthClient;
import org.queuedesk.desktop.start.StartView;
import org.queuedesk.desktop.start.StartViewModel;

/**
 * The desktop app. Wires everything by hand: no locator, no static state. The mode comes from
 * {@code --mode=reception|doctor|kiosk|display}; without it the start screen lets the user choose.
 */
public final class QueueDeskApp extends Application {

    private FxBackgroundExecutor background;
    private ScheduledExecutorService scheduler;
    private ConnectionViewModel connection;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.from(getParameters().getNamed());
        options.warnings().forEach(System.err::println);
        ResourceBundle messages = Theme.messages(options.locale());

        background = new FxBackgroundExecutor(2);
        scheduler = Executors.newSingleThreadScheduledExecutor(FxBackgroundExecutor.daemonThreads("queuedesk-scheduler-"));
        connection = new ConnectionViewModel(background, scheduler, HealthClient.withDefaults(),
                ReconnectPolicy.DEFAULT, messages);

        StartViewModel start = new StartViewModel(connection, messages);
        start.serverAddressProperty().set(options.server());
        options.mode().ifPresent(start::choose);

        Scene scene = new Scene(StartView.load(start, messages), 1200, 720);
        Theme.apply(scene);
        stage.setTitle(messages.getString("app.title"));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.setFullScreen(options.mode().map(Mode::fullScreen).orElse(false));
        stage.show();

        start.connect();
    }

    @Override
    public void stop() {
        if (connection != null) {
            connection.stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (background != null) {
            background.close();
        }
    }
}
