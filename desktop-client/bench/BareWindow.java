import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline: a bare JavaFX window, launched and measured the same way as the app. */
public class BareWindow {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("bare")), 1366, 768));
            stage.show();
            Platform.runLater(() -> {
                System.out.println("QUEUEDESK_READY " + System.currentTimeMillis());
                Platform.exit();
            });
        }
    }
}
